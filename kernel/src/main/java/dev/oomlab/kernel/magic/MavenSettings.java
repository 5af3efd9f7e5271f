package dev.oomlab.kernel.magic;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.DefaultSettingsBuilderFactory;
import org.apache.maven.settings.building.DefaultSettingsBuildingRequest;
import org.apache.maven.settings.building.SettingsBuildingException;

/** Maven's settings as the mvn command reads them: the global settings.xml, then the user's. */
final class MavenSettings {

    private MavenSettings() {
    }

    /** ~/.m2/settings.xml over $MAVEN_HOME/conf/settings.xml; either may be absent. */
    static Settings load(Path userSettings) {
        DefaultSettingsBuildingRequest request = new DefaultSettingsBuildingRequest()
                .setUserSettingsFile(userSettings.toFile())
                .setSystemProperties(System.getProperties());
        globalSettings().ifPresent(global -> request.setGlobalSettingsFile(global));
        try {
            return new DefaultSettingsBuilderFactory().newInstance().build(request).getEffectiveSettings();
        } catch (SettingsBuildingException e) {
            throw new MagicException("%maven: cannot read " + userSettings + ": " + e.getMessage());
        }
    }

    static Path defaultUserSettings() {
        return Path.of(System.getProperty("user.home"), ".m2", "settings.xml");
    }

    /** Where Maven keeps what it downloaded: the settings' localRepository, else ~/.m2/repository. */
    static Path localRepository(Settings settings) {
        String configured = settings.getLocalRepository();
        return configured == null || configured.isBlank()
                ? Path.of(System.getProperty("user.home"), ".m2", "repository")
                : Path.of(configured);
    }

    private static java.util.Optional<File> globalSettings() {
        for (String home : new String[] {System.getenv("MAVEN_HOME"), System.getenv("M2_HOME"), "/usr/share/maven"}) {
            if (home != null && Files.isRegularFile(Path.of(home, "conf", "settings.xml"))) {
                return java.util.Optional.of(Path.of(home, "conf", "settings.xml").toFile());
            }
        }
        return java.util.Optional.empty();
    }
}
