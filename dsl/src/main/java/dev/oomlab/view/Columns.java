package dev.oomlab.view;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A table declared once as its columns (a name and how to read the cell from a row), then
 * filled from any rows: the tables of results, cases and searches share their evidence columns
 * instead of each appending them by hand. Immutable; an absent number is a missing cell.
 *
 * @param <R> the row type
 */
final class Columns<R> {

    /** One column: makes an empty Tablesaw column and appends a row's cell to it. */
    private record Spec<R>(Supplier<Column<?>> create, BiConsumer<Column<?>, R> append) {
    }

    private final List<Spec<R>> specs;

    private Columns(List<Spec<R>> specs) {
        this.specs = List.copyOf(specs);
    }

    static <R> Columns<R> of() {
        return new Columns<>(List.of());
    }

    @SuppressWarnings("unchecked")
    private <C extends Column<?>> Columns<R> plus(Supplier<C> create, BiConsumer<C, R> append) {
        List<Spec<R>> more = new ArrayList<>(specs);
        more.add(new Spec<R>(create::get, (column, row) -> append.accept((C) column, row)));
        return new Columns<>(more);
    }

    Columns<R> text(String name, Function<? super R, String> cell) {
        return plus(() -> StringColumn.create(name), (c, row) -> {
            String v = cell.apply(row);
            c.append(v == null ? "" : v);
        });
    }

    Columns<R> integer(String name, Function<? super R, ? extends Number> cell) {
        return plus(() -> IntColumn.create(name), (c, row) -> {
            Number v = cell.apply(row);
            if (v == null) {
                c.appendMissing();
            } else {
                c.append((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v.longValue())));
            }
        });
    }

    Columns<R> decimal(String name, Function<? super R, Double> cell) {
        return plus(() -> DoubleColumn.create(name), (c, row) -> {
            Double v = cell.apply(row);
            if (v == null) {
                c.appendMissing();
            } else {
                c.append(v);
            }
        });
    }

    Columns<R> flag(String name, Predicate<? super R> cell) {
        return plus(() -> BooleanColumn.create(name), (c, row) -> c.append(cell.test(row)));
    }

    /** Appends another row type's columns, read through {@code part} (a case's result, say). */
    <S> Columns<R> then(Function<? super R, ? extends S> part, Columns<S> more) {
        List<Spec<R>> all = new ArrayList<>(specs);
        for (Spec<S> spec : more.specs) {
            all.add(new Spec<R>(spec.create(), (c, row) -> spec.append().accept(c, part.apply(row))));
        }
        return new Columns<>(all);
    }

    Table table(String title, Iterable<? extends R> rows) {
        List<Column<?>> columns = specs.stream().<Column<?>>map(spec -> spec.create().get()).toList();
        for (R row : rows) {
            for (int i = 0; i < specs.size(); i++) {
                specs.get(i).append().accept(columns.get(i), row);
            }
        }
        return Table.create(title, columns.toArray(new Column<?>[0]));
    }
}
