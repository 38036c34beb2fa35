package io.recsyslite.core.store;

/** Quoting for the few SQL pieces built from names (column names of user files). */
final class Sql {
    private Sql() {
    }

    static String ident(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    static String literal(String text) {
        return '\'' + text.replace("'", "''") + '\'';
    }
}
