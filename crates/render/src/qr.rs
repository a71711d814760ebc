//! QR codes for share links, as one SVG path of dark modules: crisp at any size (a projector,
//! a print), no image library. Pure, so it is tested natively.

use qrcodegen::{QrCode, QrCodeEcc};

/// A QR code ready to draw: `size` modules square (without the quiet zone) and an SVG path of
/// its dark modules in module units, offset by the quiet zone.
#[derive(Clone, Debug, PartialEq)]
pub struct QrSvg {
    pub size: u32,
    /// The quiet zone around the code, in modules (4 by the standard).
    pub border: u32,
    pub path: String,
}

impl QrSvg {
    /// The side of the drawing in modules, quiet zone included (the SVG viewBox).
    pub fn extent(&self) -> u32 {
        self.size + 2 * self.border
    }
}

/// Why a text cannot be a QR code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TooLong;

/// The QR code of `text` at medium error correction (15 %: a phone still reads a code shown
/// on a projector from the back of a room or a slightly damaged print).
pub fn qr_svg(text: &str) -> Result<QrSvg, TooLong> {
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).map_err(|_| TooLong)?;
    let size = u32::try_from(code.size()).map_err(|_| TooLong)?;
    let border = 4;
    let mut path = String::with_capacity((size * size) as usize * 4);
    for y in 0..code.size() {
        // Runs of dark modules in a row become one rectangle each: a shorter path.
        let mut x = 0;
        while x < code.size() {
            if code.get_module(x, y) {
                let start = x;
                while x < code.size() && code.get_module(x, y) {
                    x += 1;
                }
                path.push_str(&format!(
                    "M{} {}h{}v1h-{}z",
                    start as u32 + border,
                    y as u32 + border,
                    x - start,
                    x - start
                ));
            } else {
                x += 1;
            }
        }
    }
    Ok(QrSvg { size, border, path })
}

/// The whole QR code as a standalone SVG document (for downloads and the printed report).
pub fn qr_document(qr: &QrSvg, pixels: u32) -> String {
    let extent = qr.extent();
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {extent} {extent}\" width=\"{pixels}\" height=\"{pixels}\" shape-rendering=\"crispEdges\"><rect width=\"{extent}\" height=\"{extent}\" fill=\"#fff\"/><path d=\"{}\" fill=\"#000\"/></svg>",
        qr.path
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_share_link_fits_a_small_code() {
        // A preset with six levers changed, as the share dialog makes it (86 characters).
        let link =
            "http://127.0.0.1:8080/?v=1&c=o98k1&p=yunnan.2&h=15000&cj=9000&pj=0.3&r=500&i=40&po=800";
        let qr = qr_svg(link).unwrap();
        // Version 6 or less (41 modules): easy to scan from a distance.
        assert!(qr.size <= 41, "{} modules", qr.size);
        assert_eq!(qr.extent(), qr.size + 8);
    }

    #[test]
    fn the_finder_pattern_is_drawn_in_the_corner() {
        let qr = qr_svg("https://example.org/").unwrap();
        // The top-left finder's first row is seven dark modules, just inside the quiet zone.
        assert!(qr.path.starts_with("M4 4h7v1h-7z"), "{}", &qr.path[..40]);
    }

    #[test]
    fn the_same_text_gives_the_same_code() {
        assert_eq!(qr_svg("abc"), qr_svg("abc"));
        assert_ne!(qr_svg("abc"), qr_svg("abd"));
    }

    #[test]
    fn text_beyond_the_largest_code_is_refused() {
        assert_eq!(qr_svg(&"x".repeat(5000)), Err(TooLong));
    }

    #[test]
    fn the_document_is_a_white_square_with_a_black_path() {
        let doc = qr_document(&qr_svg("abc").unwrap(), 300);
        assert!(doc.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(doc.contains("width=\"300\""));
    }
}
