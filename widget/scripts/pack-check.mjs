// Packs the library like `npm publish` would and checks the tarball a shop would install:
// its file list, that package.json's entry points exist in it, and that both the ESM and the CJS
// entry load through the exports map and server-render with React.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const REQUIRED = ['package.json', 'README.md', 'dist/index.js', 'dist/index.cjs', 'dist/index.d.ts'];
const ALLOWED = /^(package\.json|README\.md|LICENSE|dist\/.+\.(js|cjs|d\.ts|map))$/;

function fail(message) {
  console.error(`pack:check: ${message}`);
  process.exit(1);
}

const work = await mkdtemp(join(tmpdir(), 'recsys-widget-pack-'));
try {
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8' }));
  const files = packed.files.map((file) => file.path);
  const missing = REQUIRED.filter((file) => !files.includes(file));
  const unexpected = files.filter((file) => !ALLOWED.test(file));
  if (missing.length) fail(`missing from tarball: ${missing.join(', ')} (run npm run build first)`);
  if (unexpected.length) fail(`unexpected files in tarball: ${unexpected.join(', ')}`);

  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
  const entryPoints = [pkg.main, pkg.module, pkg.types, ...Object.values(pkg.exports['.'])];
  const dangling = entryPoints.filter((entry) => !files.includes(entry.replace(/^\.\//, '')));
  if (dangling.length) fail(`package.json points at files not in the tarball: ${dangling.join(', ')}`);

  // Install the tarball by hand (no registry access), borrowing React from this package's node_modules.
  const modules = join(work, 'consumer', 'node_modules');
  await mkdir(join(modules, pkg.name), { recursive: true });
  execFileSync('tar', ['-xzf', join(work, packed.filename), '-C', join(modules, pkg.name), '--strip-components=1']);
  for (const dep of ['react', 'react-dom']) await symlink(join(root, 'node_modules', dep), join(modules, dep), 'dir');

  const consumer = `
    const { createElement } = require('react');
    const { renderToString } = require('react-dom/server');
    const check = (label, lib) => {
      const html = renderToString(createElement(lib.RecommendationCarousel, { apiUrl: '', userId: 'u1' }))
        + renderToString(createElement(lib.SimilarItemsCarousel, { apiUrl: '', itemId: 'sku-1' }));
      if (!html.includes('Recommended For You') || !html.includes('Similar Items')) throw new Error(label + ' rendered ' + html);
      console.log('pack:check: ' + label + ' entry renders');
    };
    check('require', require('${pkg.name}'));
    import('${pkg.name}').then((lib) => check('import', lib)).catch((error) => { console.error(error); process.exit(1); });
  `;
  await writeFile(join(work, 'consumer', 'check.cjs'), consumer);
  execFileSync(process.execPath, ['check.cjs'], { cwd: join(work, 'consumer'), stdio: 'inherit' });
  console.log(`pack:check: ${packed.filename} ok, ${files.length} files, ${(packed.size / 1024).toFixed(1)} kB packed`);
} finally {
  await rm(work, { recursive: true, force: true });
}
