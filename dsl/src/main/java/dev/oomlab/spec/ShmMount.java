package dev.oomlab.spec;

/** What backs /dev/shm in the container. */
public sealed interface ShmMount permits ShmMount.DockerDefault, ShmMount.ShmSize, ShmMount.Tmpfs {

    /** The size limit of the mount, or null when the mount itself has none (an unsized tmpfs). */
    Size sizeLimit();

    String describe();

    /** No shm option: Docker's own /dev/shm of 64 MiB. */
    record DockerDefault() implements ShmMount {
        public static final Size SIZE = Size.ofMib(64);

        @Override
        public Size sizeLimit() {
            return SIZE;
        }

        @Override
        public String describe() {
            return "default (64m)";
        }
    }

    /** {@code --shm-size}. */
    record ShmSize(Size size) implements ShmMount {
        @Override
        public Size sizeLimit() {
            return size;
        }

        @Override
        public String describe() {
            return size.toString();
        }
    }

    /** {@code --tmpfs /dev/shm[:size=…]}: Kubernetes' emptyDir with medium Memory. */
    record Tmpfs(Size size) implements ShmMount {
        @Override
        public Size sizeLimit() {
            return size;
        }

        @Override
        public String describe() {
            return size == null ? "tmpfs (no size)" : "tmpfs " + size;
        }
    }
}
