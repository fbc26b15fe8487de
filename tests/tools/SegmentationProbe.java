import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.omegat.core.segmentation.MapRule;
import org.omegat.core.segmentation.Rule;
import org.omegat.core.segmentation.SRX;
import org.omegat.core.segmentation.Segmenter;
import org.omegat.util.Language;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Splits paragraphs with OmegaT's own segmenter and a set of rules read two ways:
 * "srx FILE" reads an SRX 2.0 file's rules for English with the JDK's XML parser;
 * "project DIR" loads a project's omegat/segmentation.conf as OmegaT does (SRX.loadSRX).
 * The paragraphs come from a UTF-8 file, separated by NUL; the segments go to stdout,
 * one paragraph per line, segments separated by U+0001 and line breaks written as U+0002.
 */
public class SegmentationProbe {
    public static void main(String[] args) throws Exception {
        SRX srx;
        if (args[0].equals("srx")) {
            List<Rule> rules = new ArrayList<>();
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            org.w3c.dom.Document file = factory.newDocumentBuilder().parse(new File(args[1]));
            NodeList found = file.getElementsByTagNameNS("*", "rule");
            for (int i = 0; i < found.getLength(); i++) {
                Element rule = (Element) found.item(i);
                String before = rule.getElementsByTagNameNS("*", "beforebreak").item(0).getTextContent();
                String after = rule.getElementsByTagNameNS("*", "afterbreak").item(0).getTextContent();
                rules.add(new Rule(!"no".equals(rule.getAttribute("break")), before, after));
            }
            srx = new SRX();
            List<MapRule> map = new ArrayList<>();
            map.add(new MapRule("English", "EN.*", rules));
            srx.setMappingRules(map);
        } else {
            srx = SRX.loadSRX(new File(args[1], "omegat/segmentation.conf"));
        }
        Segmenter segmenter = new Segmenter();
        segmenter.setSRX(srx);
        String text = new String(Files.readAllBytes(new File(args[2]).toPath()), StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        for (String paragraph : text.split("\u0000", -1)) {
            List<StringBuilder> spaces = new ArrayList<>();
            List<String> segments = segmenter.segment(new Language("EN"), paragraph, spaces, new ArrayList<Rule>());
            out.append(String.join("\u0001", segments).replace("\n", "\u0002")).append("\n");
        }
        System.out.write(out.toString().getBytes(StandardCharsets.UTF_8));
        System.out.flush();
    }
}
