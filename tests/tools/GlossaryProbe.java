import java.io.File;
import java.util.List;
import org.omegat.core.Core;
import org.omegat.core.data.NotLoadedProject;
import org.omegat.core.data.ProjectProperties;
import org.omegat.gui.glossary.GlossaryEntry;
import org.omegat.gui.glossary.GlossaryReaderTBX;
import org.omegat.gui.glossary.GlossaryReaderTSV;

/** Reads a glossary file with OmegaT's own readers, as OmegaT does for a project's glossary folder. */
public class GlossaryProbe {
    public static void main(String[] args) throws Exception {
        final ProjectProperties props = new ProjectProperties(new File(args[1]));
        props.setSourceLanguage("EN");
        props.setTargetLanguage("AR");
        Core.setProject(new NotLoadedProject() {
            @Override public ProjectProperties getProjectProperties() { return props; }
            @Override public boolean isProjectLoaded() { return true; }
        });
        File file = new File(args[0]);
        List<GlossaryEntry> entries = file.getName().endsWith(".tbx")
            ? GlossaryReaderTBX.read(file, false) : GlossaryReaderTSV.read(file, false);
        for (GlossaryEntry e : entries) {
            System.out.println(e.getSrcText() + "\t" + e.getLocText() + "\t" + e.getCommentText().replace("\n", " | "));
        }
    }
}
