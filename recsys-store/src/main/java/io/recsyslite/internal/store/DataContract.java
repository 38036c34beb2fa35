package io.recsyslite.internal.store;

import io.recsyslite.core.error.InvalidParameterException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What an events or items file must look like, as SQL over the staged file: the required columns
 * and the per-row rules. Rules use TRY_CAST only, so checking never fails half-way; the first
 * failing rule of the first failing row is reported.
 */
final class DataContract {
    /** Unix seconds of 2000-01-01: older timestamps are taken for a unit or parsing mistake. */
    static final long MIN_TS = 946_684_800L;
    static final long MAX_FUTURE_SECONDS = 86_400L;
    /** Longer ids are taken for a mistake (a pasted document, an attack), not an id. */
    static final int MAX_ID_LENGTH = 512;
    /** An event type is one word: letters, digits, '_' or '-', stored in lower case. */
    static final String EVENT_TYPE_PATTERN = "[A-Za-z0-9_-]{1,64}";

    /** One rule: the column it is about, an SQL condition true for bad rows, an SQL message. */
    record RowRule(String column, String failsWhen, String message) {
    }

    /** A column of the staged file: its name as written in the file and its DuckDB type. */
    record StagedColumn(String name, String type) {
        boolean isInteger() {
            return Set.of("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "UTINYINT", "USMALLINT", "UINTEGER")
                    .contains(type.toUpperCase(Locale.ROOT));
        }

        /** A list, struct, map or union: one cell holds several values. */
        boolean isNested() {
            String t = type.toUpperCase(Locale.ROOT);
            return t.endsWith("]") || t.startsWith("STRUCT") || t.startsWith("MAP") || t.startsWith("UNION");
        }
    }

    private static final List<String> EVENT_COLUMNS = List.of("user_id", "item_id", "ts", "qty");
    private static final List<String> EVENT_OPTIONAL_COLUMNS = List.of("session_id", "event_type", "recommendation_id");

    final String kind;
    final List<String> required;
    final List<String> optional;
    /** Events only: the columns identifying an event, so a row whose key is stored is not added again. */
    final List<String> eventKey;

    private DataContract(String kind, List<String> required, List<String> optional, List<String> eventKey) {
        this.kind = kind;
        this.required = required;
        this.optional = optional;
        this.eventKey = eventKey;
    }

    /** The event columns an event key may name. */
    static final List<String> KEY_COLUMNS = List.of("user_id", "session_id", "item_id", "ts", "qty", "event_type");

    static DataContract events(List<String> eventKey) {
        if (eventKey.isEmpty() || !KEY_COLUMNS.containsAll(eventKey)) {
            throw new InvalidParameterException("the event key must be some of " + String.join(", ", KEY_COLUMNS)
                    + ", was " + String.join(", ", eventKey));
        }
        return new DataContract("events", EVENT_COLUMNS, EVENT_OPTIONAL_COLUMNS, List.copyOf(eventKey));
    }

    /** The live journal's events: no key, every row is new (a segment is ingested once, by its name). */
    static DataContract journalEvents() {
        return new DataContract("events", EVENT_COLUMNS, EVENT_OPTIONAL_COLUMNS, List.of());
    }

    static DataContract items() {
        return new DataContract("items", List.of("item_id", "category", "brand", "price", "img_url"),
                List.of("title"), List.of());
    }

    /** The contract's columns in the file whose cells are not single values (they cannot be checked). */
    List<StagedColumn> nestedColumns(Map<String, StagedColumn> staged) {
        List<StagedColumn> nested = new ArrayList<>();
        for (String name : required) {
            if (staged.get(name).isNested()) {
                nested.add(staged.get(name));
            }
        }
        for (String name : optional) {
            if (staged.containsKey(name) && staged.get(name).isNested()) {
                nested.add(staged.get(name));
            }
        }
        return nested;
    }

    boolean isEvents() {
        return kind.equals("events");
    }

    /** Columns of the file that the contract does not name (kept as items' extra attributes). */
    List<StagedColumn> extraColumns(Map<String, StagedColumn> staged) {
        List<StagedColumn> extra = new ArrayList<>();
        for (Map.Entry<String, StagedColumn> e : staged.entrySet()) {
            if (!required.contains(e.getKey()) && !optional.contains(e.getKey())) {
                extra.add(e.getValue());
            }
        }
        return extra;
    }

    /** The row rules, in column order; {@code staged} maps lower-case names to staged columns. */
    List<RowRule> rules(Map<String, StagedColumn> staged, long nowEpochSeconds) {
        List<RowRule> rules = new ArrayList<>();
        if (isEvents()) {
            StagedColumn session = staged.get("session_id");
            if (session == null) {
                idRules(rules, staged.get("user_id"), "user id");
            } else {
                StagedColumn user = staged.get("user_id");
                rules.add(new RowRule(user.name(), "coalesce(" + trimmedText(user) + ", '') = '' AND coalesce("
                        + trimmedText(session) + ", '') = ''", "'missing user id and session id (one is needed)'"));
                textRules(rules, user, "user id");
                textRules(rules, session, "session id");
            }
            idRules(rules, staged.get("item_id"), "item id");
            StagedColumn ts = staged.get("ts");
            String tsValue = integerRules(rules, ts, "timestamp", "BIGINT");
            rules.add(new RowRule(ts.name(), tsValue + " < " + MIN_TS,
                    "'timestamp ' || " + tsValue + " || ' is before 2000-01-01 (expected unix seconds)'"));
            rules.add(new RowRule(ts.name(), tsValue + " > " + (nowEpochSeconds + MAX_FUTURE_SECONDS),
                    "'timestamp ' || " + tsValue + " || ' is more than 1 day in the future (expected unix seconds)'"));
            StagedColumn qty = staged.get("qty");
            String qtyValue = integerRules(rules, qty, "quantity", "INTEGER");
            rules.add(new RowRule(qty.name(), qtyValue + " < 0", "'negative quantity ' || " + qtyValue));
            StagedColumn recommendation = staged.get("recommendation_id");
            if (recommendation != null) {
                textRules(rules, recommendation, "recommendation id");
            }
            StagedColumn type = staged.get("event_type");
            if (type != null) {
                rules.add(new RowRule(type.name(), "NOT regexp_full_match(" + trimmedText(type) + ", "
                        + Sql.literal(EVENT_TYPE_PATTERN) + ")", "'event type ''' || " + trimmedText(type)
                        + " || ''' is not one word of letters, digits, _ or - (at most 64)'"));
            }
        } else {
            idRules(rules, staged.get("item_id"), "item id");
            StagedColumn price = staged.get("price");
            String text = trimmedText(price);
            String value = priceValue(price);
            rules.add(new RowRule(price.name(), text + " <> '' AND " + value + " IS NULL",
                    "'not a number: ''' || " + text + " || ''''"));
            rules.add(new RowRule(price.name(), "NOT isfinite(" + value + ")",
                    "'not a finite number: ' || " + value));
            rules.add(new RowRule(price.name(), value + " < 0", "'negative price ' || " + value));
        }
        return rules;
    }

    /** The SQL value of an items file's price: a DOUBLE, NULL when the cell is empty. */
    static String priceValue(StagedColumn price) {
        return "TRY_CAST(" + trimmedText(price) + " AS DOUBLE)";
    }

    /**
     * Adds "missing" and "not an integer" rules and returns the SQL for the column's value as an
     * integer. Text like '1.5' is refused although DuckDB would round it.
     */
    static String integerValue(StagedColumn column, String sqlType) {
        return "TRY_CAST(" + (column.isInteger() ? Sql.ident(column.name()) : trimmedText(column))
                + " AS " + sqlType + ")";
    }

    private static String integerRules(List<RowRule> rules, StagedColumn column, String label, String sqlType) {
        String id = Sql.ident(column.name());
        rules.add(new RowRule(column.name(), id + " IS NULL", "'missing " + label + "'"));
        String value = integerValue(column, sqlType);
        if (column.isInteger()) {
            rules.add(new RowRule(column.name(), value + " IS NULL", "'" + label + " out of range: ' || " + id));
        } else {
            String text = trimmedText(column);
            rules.add(new RowRule(column.name(),
                    "NOT regexp_full_match(" + text + ", '[+-]?[0-9]+') OR " + value + " IS NULL",
                    "'not an integer: ''' || " + text + " || ''''"));
        }
        return value;
    }

    /**
     * Ids are stored exactly as written, so that one id means one user or item everywhere: an id
     * with surrounding spaces or a control character (NUL, tab, line break ...) is refused rather
     * than silently changed.
     */
    private static void idRules(List<RowRule> rules, StagedColumn column, String label) {
        String id = Sql.ident(column.name());
        rules.add(new RowRule(column.name(), id + " IS NULL", "'missing " + label + "'"));
        rules.add(new RowRule(column.name(), trimmedText(column) + " = ''", "'empty " + label + "'"));
        textRules(rules, column, label);
    }

    /** Rules for an id's text when there is one: printable, no surrounding spaces, not too long. */
    private static void textRules(List<RowRule> rules, StagedColumn column, String label) {
        String text = "CAST(" + Sql.ident(column.name()) + " AS VARCHAR)";
        rules.add(new RowRule(column.name(), "regexp_matches(" + text + ", '[[:cntrl:]]')",
                "'" + label + " contains the control character ' || printf('U+%04X', unicode(regexp_extract("
                        + text + ", '[[:cntrl:]]'))) || '; ids must be printable text'"));
        rules.add(new RowRule(column.name(), text + " <> " + trimmedText(column),
                "'" + label + " ''' || " + text + " || ''' has leading or trailing spaces; ids are stored exactly "
                        + "as written, so remove them'"));
        rules.add(new RowRule(column.name(), "length(" + trimmedText(column) + ") > " + MAX_ID_LENGTH,
                "'" + label + " of ' || length(" + trimmedText(column) + ") || ' characters (at most "
                        + MAX_ID_LENGTH + ")'"));
    }

    private static String trimmedText(StagedColumn column) {
        return "trim(CAST(" + Sql.ident(column.name()) + " AS VARCHAR))";
    }
}
