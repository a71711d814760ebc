//! Base64url without padding (RFC 4648 §5), for names in links: UTF-8 text becomes
//! `A–Z a–z 0–9 - _`, which no chat app escapes. Through the `base64` crate, configured to read
//! what the app's earlier hand-written codec read: `=` padding tolerated, non-zero trailing
//! bits tolerated (so a link made then opens the same now).

use base64::alphabet::URL_SAFE;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::DecodePaddingMode;
use base64::Engine;

const ENGINE: GeneralPurpose = GeneralPurpose::new(
    &URL_SAFE,
    GeneralPurposeConfig::new()
        .with_encode_padding(false)
        .with_decode_padding_mode(DecodePaddingMode::Indifferent)
        .with_decode_allow_trailing_bits(true),
);

/// Encodes bytes, without `=` padding.
pub fn encode(bytes: &[u8]) -> String {
    ENGINE.encode(bytes)
}

/// Decodes base64url; `=` padding is tolerated. `None` for any other character or a length
/// that no encoding produces.
pub fn decode(text: &str) -> Option<Vec<u8>> {
    ENGINE.decode(text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_4648_vectors_round_trip_without_padding() {
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(encode(plain.as_bytes()), encoded);
            assert_eq!(decode(encoded).unwrap(), plain.as_bytes());
        }
    }

    #[test]
    fn chinese_names_use_only_url_safe_characters() {
        let encoded = encode("赣州市（方案B）".as_bytes());
        assert!(encoded
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
        assert_eq!(decode(&encoded).unwrap(), "赣州市（方案B）".as_bytes());
    }

    #[test]
    fn foreign_characters_and_impossible_lengths_are_refused() {
        assert_eq!(decode("Zm9v!"), None);
        assert_eq!(decode("Z"), None);
        assert_eq!(decode("Zm9vY"), None);
        assert_eq!(decode("Zm8="), Some(b"fo".to_vec()));
    }

    #[test]
    fn what_the_earlier_codec_read_still_reads() {
        // Non-zero trailing bits ("Zh" for "f", canonically "Zg") and padding, as a hand-edited
        // or another tool's link may hold them.
        assert_eq!(decode("Zh"), Some(b"f".to_vec()));
        assert_eq!(decode("Zg=="), Some(b"f".to_vec()));
        assert_eq!(decode("Zm9vYmFy"), Some(b"foobar".to_vec()));
    }
}
