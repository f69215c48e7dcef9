package paperbake.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FrontCodingTest {

    @Test
    void writesEachStringAsSharedLengthAndRest() {
        assertThat(FrontCoding.encode(List.of("", "ab", "abc", "abd", "b")))
                .isEqualTo("0 0ab 2c 2d 0b");
    }

    @Test
    void roundTripsSortedTermsOfEveryKind() {
        String longWord = "a".repeat(48);
        List<String> terms = List.of("", "060", "0600", "ablativ", "abstractiv", longWord, longWord + "b",
                "模型", "模式", "\uD840\uDC00a", "\uD840\uDC01", "𠀀𠀁", "𠀀𠀂");
        List<String> sorted = terms.stream().sorted().toList();
        assertThat(FrontCoding.decode(FrontCoding.encode(sorted))).isEqualTo(sorted);
        assertThat(FrontCoding.decode(FrontCoding.encode(List.of()))).isEmpty();
    }

    @Test
    void neverStartsTheRestWithHalfACharacter() {
        // U+20000 and U+20001 share their high surrogate; the rest must carry the whole pair.
        String coded = FrontCoding.encode(List.of("𠀀", "𠀁"));
        assertThat(coded.split(" ")[1]).isEqualTo("0𠀁");
    }

    @Test
    void capsTheSharedLengthSoItStaysOneCharacter() {
        String a = "x".repeat(60);
        String coded = FrontCoding.encode(List.of(a, a + "y"));
        assertThat(coded.split(" ")[1]).isEqualTo((char) ('0' + FrontCoding.MAX_SHARED) + "x".repeat(13) + "y");
    }

    @Test
    void refusesStringsWithSpaces() {
        assertThatThrownBy(() -> FrontCoding.encode(List.of("a b"))).isInstanceOf(IllegalArgumentException.class);
    }
}
