package paperbake.serve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteRangesTest {

    static ByteRanges.Answer parse(String header) {
        return ByteRanges.parse(header, 10);
    }

    @Test
    void satisfiableRangesAreOnePart() {
        assertThat(parse("bytes=2-3")).isEqualTo(new ByteRanges.Part(2, 3));
        assertThat(parse("bytes=2-")).isEqualTo(new ByteRanges.Part(2, 9));
        assertThat(parse("bytes=-5")).isEqualTo(new ByteRanges.Part(5, 9));
        assertThat(parse("bytes=-50")).as("a suffix longer than the file is the file").isEqualTo(new ByteRanges.Part(0, 9));
        assertThat(parse("bytes=8-20")).isEqualTo(new ByteRanges.Part(8, 9));
        assertThat(parse("Bytes = 1-1 ,")).as("unit case-insensitive, OWS, empty list elements")
                .isEqualTo(new ByteRanges.Part(1, 1));
        assertThat(parse("bytes=0-99999999999999999999")).isEqualTo(new ByteRanges.Part(0, 9));
        assertThat(parse("bytes=-99999999999999999999")).isEqualTo(new ByteRanges.Part(0, 9));
        assertThat(parse("bytes=10-12, 3-4")).as("the unsatisfiable one is dropped").isEqualTo(new ByteRanges.Part(3, 4));
    }

    @Test
    void invalidOrUnsatisfiableIs416() {
        for (String h : new String[] {"bytes=99999999999999999999-", "bytes=10-", "bytes=5-2", "bytes=-0", "bytes=x-1",
                "bytes=1-y", "bytes=", "bytes=,", "bytes=5", "bytes=--5", "bytes=-5-", "bytes"}) {
            assertThat(parse(h)).as(h).isInstanceOf(ByteRanges.Unsatisfiable.class);
        }
        assertThat(ByteRanges.parse("bytes=-5", 0)).as("nothing to take from an empty file")
                .isInstanceOf(ByteRanges.Unsatisfiable.class);
    }

    @Test
    void otherUnitsNoHeaderAndSeveralRangesGetTheWholeFile() {
        assertThat(parse(null)).isInstanceOf(ByteRanges.Whole.class);
        assertThat(parse("items=0-1")).isInstanceOf(ByteRanges.Whole.class);
        assertThat(parse("bytes=0-1,4-5")).isInstanceOf(ByteRanges.Whole.class);
    }
}
