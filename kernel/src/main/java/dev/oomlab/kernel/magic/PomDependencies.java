package dev.oomlab.kernel.magic;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The body of %%loadFromPOM: a whole pom, a {@code <dependencies>} section, or bare
 * {@code <dependency>} elements, with optional {@code <repositories>}. Only what a class path needs
 * is read: coordinates (with type and classifier) and repositories; test and provided scopes are skipped.
 */
record PomDependencies(List<String> coordinates, List<Repository> repositories) {

    record Repository(String id, String url) {
    }

    static PomDependencies parse(String xml) {
        Element root = document("<oomlab-pom>" + stripDeclaration(xml) + "</oomlab-pom>").getDocumentElement();
        List<String> coordinates = new ArrayList<>();
        NodeList dependencies = root.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            if (insideOf(dependency, "dependencyManagement") || insideOf(dependency, "plugin")) {
                continue;
            }
            String scope = text(dependency, "scope", "compile");
            if (scope.equals("test") || scope.equals("provided") || scope.equals("system")) {
                continue;
            }
            String group = required(dependency, "groupId");
            String artifact = required(dependency, "artifactId");
            String version = required(dependency, "version");
            String type = text(dependency, "type", "jar");
            String classifier = text(dependency, "classifier", "");
            coordinates.add(classifier.isEmpty()
                    ? String.join(":", group, artifact, type, version)
                    : String.join(":", group, artifact, type, classifier, version));
        }
        List<Repository> repositories = new ArrayList<>();
        NodeList repos = root.getElementsByTagName("repository");
        for (int i = 0; i < repos.getLength(); i++) {
            Element repo = (Element) repos.item(i);
            if (insideOf(repo, "distributionManagement")) {
                continue;
            }
            repositories.add(new Repository(required(repo, "id"), required(repo, "url")));
        }
        if (coordinates.isEmpty()) {
            throw new MagicException("%%loadFromPOM: no <dependency> with a compile or runtime scope found");
        }
        return new PomDependencies(List.copyOf(coordinates), List.copyOf(repositories));
    }

    private static Document document(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (SAXException e) {
            throw new MagicException("%%loadFromPOM: not well-formed XML: " + e.getMessage());
        } catch (ParserConfigurationException | IOException e) {
            throw new MagicException("%%loadFromPOM: cannot read the XML: " + e);
        }
    }

    private static String stripDeclaration(String xml) {
        String trimmed = xml.strip();
        return trimmed.startsWith("<?xml") ? trimmed.substring(trimmed.indexOf("?>") + 2) : trimmed;
    }

    private static boolean insideOf(Node node, String name) {
        for (Node parent = node.getParentNode(); parent != null; parent = parent.getParentNode()) {
            if (name.equals(parent.getNodeName())) {
                return true;
            }
        }
        return false;
    }

    private static String required(Element element, String child) {
        String value = text(element, child, "");
        if (value.isEmpty()) {
            throw new MagicException("%%loadFromPOM: a <" + element.getTagName() + "> has no <" + child + ">");
        }
        if (value.contains("${")) {
            throw new MagicException("%%loadFromPOM: <" + child + "> " + value + " uses a property; write the value");
        }
        return value;
    }

    private static String text(Element element, String child, String otherwise) {
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && e.getTagName().equals(child)) {
                return e.getTextContent().strip();
            }
        }
        return otherwise;
    }
}
