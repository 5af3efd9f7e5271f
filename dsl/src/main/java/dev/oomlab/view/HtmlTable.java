package dev.oomlab.view;

import static j2html.TagCreator.each;
import static j2html.TagCreator.table;
import static j2html.TagCreator.tbody;
import static j2html.TagCreator.td;
import static j2html.TagCreator.text;
import static j2html.TagCreator.th;
import static j2html.TagCreator.thead;
import static j2html.TagCreator.tr;

import dev.oomlab.display.TableHtml;
import j2html.tags.DomContent;
import j2html.tags.specialized.TableTag;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import tech.tablesaw.api.Table;

/**
 * A Tablesaw table as a rich HTML table: the table is built once (by {@link Tables}, which also
 * gives the CSV and the plain view); a view only says how some columns' cells look.
 */
final class HtmlTable {

    /** How one cell looks, given its row and its plain text. */
    interface Cell {
        DomContent render(int row, String plain);
    }

    private final Table table;
    private final Map<String, Cell> cells = new HashMap<>();
    private final Set<String> hidden = new HashSet<>();
    private IntFunction<String> rowStyle = row -> "";

    private HtmlTable(Table table) {
        this.table = table;
    }

    static HtmlTable of(Table table) {
        return new HtmlTable(table);
    }

    HtmlTable cell(String column, Cell cell) {
        requireColumn(column);
        cells.put(column, cell);
        return this;
    }

    /** Leaves out a column whose meaning another cell already shows. */
    HtmlTable hide(String column) {
        requireColumn(column);
        hidden.add(column);
        return this;
    }

    HtmlTable rowStyle(IntFunction<String> style) {
        this.rowStyle = style;
        return this;
    }

    TableTag tag(String tableStyle) {
        List<String> columns = table.columnNames().stream().filter(c -> !hidden.contains(c)).toList();
        return table(
                thead(tr(each(columns, c -> th(c).withStyle(TableHtml.TH)))),
                tbody(each(IntStream.range(0, table.rowCount()).boxed().toList(), row -> tr(each(columns,
                        c -> td(cells.getOrDefault(c, (r, plain) -> text(plain))
                                .render(row, table.column(c).getString(row))).withStyle(TableHtml.TD)))
                        .withStyle(rowStyle.apply(row)))))
                .withStyle(tableStyle);
    }

    private void requireColumn(String column) {
        if (!table.columnNames().contains(column)) {
            throw new IllegalArgumentException("no column \"" + column + "\" in " + table.columnNames());
        }
    }
}
