package io.recsyslite.core.artifact;

import io.recsyslite.core.error.CorruptModelException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes NumPy {@code .npy} files (format 1.0, little-endian, C order) of float32,
 * int32 and int64, so that arrays of a saved model open with {@code numpy.load}.
 */
final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([<>|]?[a-z]\\d)'");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order':\\s*True");

    /** A loaded array: its shape and its data as one of float[], int[] or long[]. */
    record Array(int[] shape, Object data) {
    }

    private Npy() {
    }

    static void write(Path file, float[] data, int[] shape) throws IOException {
        ByteBuffer buf = withHeader("<f4", shape, data.length, 4);
        buf.asFloatBuffer().put(data);
        writeFully(file, buf);
    }

    static void write(Path file, int[] data, int[] shape) throws IOException {
        ByteBuffer buf = withHeader("<i4", shape, data.length, 4);
        buf.asIntBuffer().put(data);
        writeFully(file, buf);
    }

    static void write(Path file, long[] data, int[] shape) throws IOException {
        ByteBuffer buf = withHeader("<i8", shape, data.length, 8);
        buf.asLongBuffer().put(data);
        writeFully(file, buf);
    }

    static Array read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            if (ch.size() > Integer.MAX_VALUE) {
                throw new CorruptModelException(file + ": arrays over 2 GiB are not supported");
            }
            ByteBuffer buf = ByteBuffer.allocate((int) ch.size()).order(ByteOrder.LITTLE_ENDIAN);
            while (buf.hasRemaining() && ch.read(buf) >= 0) {
                // keep reading
            }
            buf.flip();
            return parse(file, buf);
        }
    }

    private static Array parse(Path file, ByteBuffer buf) {
        byte[] magic = new byte[6];
        if (buf.remaining() < 10) {
            throw bad(file, "too short");
        }
        buf.get(magic);
        if (!Arrays.equals(magic, Arrays.copyOf(MAGIC, 6))) {
            throw bad(file, "not a .npy file");
        }
        int major = buf.get();
        buf.get();
        int headerLen = major == 1 ? Short.toUnsignedInt(buf.getShort()) : buf.getInt();
        if (headerLen > buf.remaining()) {
            throw bad(file, "truncated header");
        }
        byte[] header = new byte[headerLen];
        buf.get(header);
        String h = new String(header, StandardCharsets.ISO_8859_1);
        Matcher descr = DESCR.matcher(h);
        Matcher shapeM = SHAPE.matcher(h);
        if (!descr.find() || !shapeM.find() || FORTRAN.matcher(h).find()) {
            throw bad(file, "unsupported header " + h.trim());
        }
        int[] shape = Arrays.stream(shapeM.group(1).split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).toArray();
        long count = 1;
        for (int d : shape) {
            count *= d;
        }
        String type = descr.group(1).replace("|", "<");
        ByteBuffer body = buf.slice().order(type.startsWith(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        int width = type.endsWith("8") ? 8 : 4;
        if (body.remaining() != count * width) {
            throw bad(file, "expected " + count + " values of " + width + " bytes, found " + body.remaining() + " bytes");
        }
        Object data = switch (type.substring(1)) {
            case "f4" -> {
                float[] a = new float[(int) count];
                body.asFloatBuffer().get(a);
                yield a;
            }
            case "i4" -> {
                int[] a = new int[(int) count];
                body.asIntBuffer().get(a);
                yield a;
            }
            case "i8" -> {
                long[] a = new long[(int) count];
                body.asLongBuffer().get(a);
                yield a;
            }
            default -> throw bad(file, "unsupported dtype " + type);
        };
        return new Array(shape, data);
    }

    /** A buffer for the whole file, holding the header and positioned at the start of the data. */
    private static ByteBuffer withHeader(String descr, int[] shape, int length, int width) {
        long count = 1;
        for (int d : shape) {
            count *= d;
        }
        if (count != length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " does not match " + length + " values");
        }
        StringBuilder dims = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            dims.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        if (shape.length == 1) {
            dims.append(',');
        }
        StringBuilder h = new StringBuilder("{'descr': '" + descr + "', 'fortran_order': False, 'shape': ("
                + dims + "), }");
        int total = MAGIC.length + 2 + h.length() + 1;
        h.append(" ".repeat((64 - total % 64) % 64)).append('\n');
        byte[] headerBytes = h.toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer buf = ByteBuffer.allocate(MAGIC.length + 2 + headerBytes.length + length * width)
                .order(ByteOrder.LITTLE_ENDIAN);
        return buf.put(MAGIC).putShort((short) headerBytes.length).put(headerBytes);
    }

    private static void writeFully(Path file, ByteBuffer buf) throws IOException {
        buf.rewind();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
        }
    }

    private static CorruptModelException bad(Path file, String why) {
        return new CorruptModelException("Model file " + file.getFileName() + " is corrupt: " + why);
    }
}
