package dev.oomlab.kernel.magic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.settings.Mirror;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;
import org.eclipse.aether.util.repository.AuthenticationBuilder;
import org.eclipse.aether.util.repository.DefaultAuthenticationSelector;
import org.eclipse.aether.util.repository.DefaultMirrorSelector;
import org.eclipse.aether.util.repository.DefaultProxySelector;

/**
 * Resolves Maven coordinates with their runtime dependencies, as mvn would: Maven's own resolver,
 * the user's settings.xml (local repository, mirrors, proxies, server credentials, offline), Maven
 * Central plus the repositories added with %mavenRepo. Made on first use: its start costs ~0.3 s.
 */
public final class MavenResolver implements AutoCloseable {

    static final String CENTRAL_URL = "https://repo.maven.apache.org/maven2/";

    private final Path userSettings;
    private final Map<String, RemoteRepository> repositories = new LinkedHashMap<>();
    private RepositorySystem system;
    private RepositorySystemSession.CloseableSession session;

    public MavenResolver() {
        this(MavenSettings.defaultUserSettings());
    }

    /** With another user settings.xml (tests give one with a local repository of their own). */
    public MavenResolver(Path userSettings) {
        this.userSettings = userSettings;
        addRepository("central", CENTRAL_URL);
    }

    /** %mavenRepo id url: a repository searched after those added before it. */
    public void addRepository(String id, String url) {
        if (id.isBlank() || !id.matches("[A-Za-z0-9._-]+")) {
            throw new MagicException("%mavenRepo: invalid repository id \"" + id + "\" (letters, digits, . _ -)");
        }
        java.net.URI uri;
        try {
            uri = java.net.URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new MagicException("%mavenRepo: invalid url \"" + url + "\": " + e.getMessage());
        }
        if (uri.getScheme() == null || !List.of("http", "https", "file").contains(uri.getScheme())) {
            throw new MagicException("%mavenRepo: invalid url \"" + url + "\" (expected http, https or file)");
        }
        repositories.put(id, new RemoteRepository.Builder(id, "default", url).build());
    }

    /** The jars of these coordinates and of their runtime dependencies, in class path order. */
    public List<Path> resolve(List<String> coordinates) {
        CollectRequest collect = new CollectRequest();
        for (String coordinate : coordinates) {
            collect.addDependency(new Dependency(artifact(coordinate), JavaScopes.RUNTIME));
        }
        RepositorySystemSession current = session();
        collect.setRepositories(system.newResolutionRepositories(current, new ArrayList<>(repositories.values())));
        DependencyRequest request = new DependencyRequest(collect,
                DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
        try {
            List<Path> jars = new ArrayList<>();
            for (ArtifactResult result : system.resolveDependencies(current, request).getArtifactResults()) {
                jars.add(result.getArtifact().getPath());
            }
            return jars;
        } catch (DependencyResolutionException e) {
            throw new MagicException(ResolutionFailure.describe(coordinates, e));
        }
    }

    private static DefaultArtifact artifact(String coordinate) {
        try {
            return new DefaultArtifact(coordinate);
        } catch (IllegalArgumentException e) {
            throw new MagicException("%maven: invalid coordinate \"" + coordinate
                    + "\" (expected group:artifact:version, or group:artifact:extension[:classifier]:version)");
        }
    }

    private RepositorySystemSession session() {
        if (session == null) {
            Settings settings = MavenSettings.load(userSettings);
            system = new RepositorySystemSupplier().get();
            session = new SessionBuilderSupplier(system).get()
                    .withLocalRepositoryBaseDirectories(MavenSettings.localRepository(settings))
                    .setOffline(settings.isOffline())
                    .setMirrorSelector(mirrors(settings))
                    .setProxySelector(proxies(settings))
                    .setAuthenticationSelector(credentials(settings))
                    .setSystemProperties(System.getProperties())
                    .build();
        }
        return session;
    }

    private static DefaultMirrorSelector mirrors(Settings settings) {
        DefaultMirrorSelector selector = new DefaultMirrorSelector();
        for (Mirror mirror : settings.getMirrors()) {
            selector.add(mirror.getId(), mirror.getUrl(), mirror.getLayout(), false, mirror.isBlocked(),
                    mirror.getMirrorOf(), mirror.getMirrorOfLayouts());
        }
        return selector;
    }

    private static DefaultProxySelector proxies(Settings settings) {
        DefaultProxySelector selector = new DefaultProxySelector();
        for (org.apache.maven.settings.Proxy proxy : settings.getProxies()) {
            if (!proxy.isActive()) {
                continue;
            }
            AuthenticationBuilder auth = new AuthenticationBuilder()
                    .addUsername(proxy.getUsername()).addPassword(proxy.getPassword());
            selector.add(new org.eclipse.aether.repository.Proxy(proxy.getProtocol(), proxy.getHost(),
                    proxy.getPort(), auth.build()), proxy.getNonProxyHosts());
        }
        return selector;
    }

    private static DefaultAuthenticationSelector credentials(Settings settings) {
        DefaultAuthenticationSelector selector = new DefaultAuthenticationSelector();
        for (Server server : settings.getServers()) {
            selector.add(server.getId(), new AuthenticationBuilder()
                    .addUsername(server.getUsername()).addPassword(server.getPassword())
                    .addPrivateKey(server.getPrivateKey(), server.getPassphrase()).build());
        }
        return selector;
    }

    @Override
    public void close() {
        if (session != null) {
            session.close();
            system.shutdown();
        }
    }
}
