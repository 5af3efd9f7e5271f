package dev.oomlab.kernel.jshell;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.tools.StandardJavaFileManager;
import org.junit.jupiter.api.Test;

class KeptIndexFileManagerTest {

    /** The options that reached the standard file manager, as "option value". */
    private final List<String> reached = new ArrayList<>();

    private final StandardJavaFileManager standard = (StandardJavaFileManager) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {StandardJavaFileManager.class}, (proxy, method, args) -> {
                if (method.getName().equals("handleOption")) {
                    @SuppressWarnings("unchecked")
                    Iterator<String> values = (Iterator<String>) args[1];
                    reached.add(args[0] + " " + values.next());
                    return true;
                }
                throw new UnsupportedOperationException(method.getName());
            });

    @Test
    void theSameMultiReleaseValueAgainDoesNotReachTheStandardFileManager() {
        KeptIndexFileManager manager = new KeptIndexFileManager(standard);
        assertThat(manager.handleOption("--multi-release", List.of("17").iterator())).isTrue();
        assertThat(manager.handleOption("--multi-release", List.of("17").iterator())).isTrue();
        assertThat(manager.handleOption("--multi-release", List.of("17").iterator())).isTrue();
        assertThat(reached).containsExactly("--multi-release 17");
    }

    @Test
    void aNewValueAndOtherOptionsStillDo() {
        KeptIndexFileManager manager = new KeptIndexFileManager(standard);
        manager.handleOption("--multi-release", List.of("17").iterator());
        manager.handleOption("-classpath", List.of("a.jar").iterator());
        manager.handleOption("--multi-release", List.of("25").iterator());
        manager.handleOption("--multi-release", List.of("25").iterator());
        assertThat(reached).containsExactly("--multi-release 17", "-classpath a.jar", "--multi-release 25");
    }

    @Test
    void eachOptionValueIsConsumed() {
        KeptIndexFileManager manager = new KeptIndexFileManager(standard);
        Iterator<String> args = List.of("17", "next").iterator();
        manager.handleOption("--multi-release", args);
        manager.handleOption("--multi-release", List.of("17").iterator());
        Iterator<String> again = List.of("17", "next").iterator();
        manager.handleOption("--multi-release", again);
        assertThat(args.next()).isEqualTo("next");
        assertThat(again.next()).isEqualTo("next");
    }
}
