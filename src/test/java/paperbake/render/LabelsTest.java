package paperbake.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LabelsTest {

    @Test
    void numbersAndNamesFillALabelsPlaces() {
        assertThat(Labels.say("pageOf", "zh", 3, 9)).isEqualTo("第 3 页，共 9 页");
        assertThat(Labels.say("feedLatest", "en", "Digest")).isEqualTo("Digest: latest papers");
        assertThat(Labels.say("feedChannel", "zh", "Digest", "cs.CL")).isEqualTo("Digest：频道 cs.CL");
    }

    @Test
    void aNameHoldingAPlaceIsInsertedAsItIs() {
        // a site or topic name is the user's text: "{1}" in it is not a place for the next argument
        assertThat(Labels.say("feedChannel", "en", "My {1} site", "cs.CL")).isEqualTo("My {1} site: channel cs.CL");
        assertThat(Labels.say("feedTopic", "zh", "{0}", "语音")).isEqualTo("{0}：语音");
    }
}
