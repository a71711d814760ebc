//! Bytes for the packed values of links (a recorded story, `sr`; the planner's sources, `q`):
//! unsigned LEB128 varints and texts, each text in whichever of UTF-8 and UTF-16 is shorter —
//! Chinese takes two bytes a character in UTF-16 instead of three, English one byte in UTF-8
//! instead of two. A text is a varint `byte length × 2 + (1 if UTF-16 big-endian else 0)`, then
//! its bytes. The reader refuses what a writer could not have produced, never panics.

/// A mark a packed value may write in place of a text that repeats the one before it: the
/// header of an empty UTF-16 text, which [`packed_text`] never writes.
pub(crate) const DITTO: u64 = 1;

/// Writes varints and texts.
pub(crate) struct Writer(Vec<u8>);

impl Writer {
    /// A buffer starting with its layout version.
    pub(crate) fn new(layout: u8) -> Writer {
        Writer(vec![layout])
    }

    pub(crate) fn bytes(&self) -> &[u8] {
        &self.0
    }

    pub(crate) fn number(&mut self, mut value: u64) {
        loop {
            let low = (value & 0x7F) as u8;
            value >>= 7;
            if value == 0 {
                self.0.push(low);
                return;
            }
            self.0.push(low | 0x80);
        }
    }

    pub(crate) fn text(&mut self, text: &str) {
        self.0.extend_from_slice(&packed_text(text));
    }
}

/// A text as [`Writer::text`] writes it, header included.
pub(crate) fn packed_text(text: &str) -> Vec<u8> {
    let utf16: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let (bytes, flag) = if utf16.len() < text.len() {
        (utf16, 1)
    } else {
        (text.as_bytes().to_vec(), 0)
    };
    let mut out = Writer(Vec::with_capacity(bytes.len() + 2));
    out.number(((bytes.len() as u64) << 1) | flag);
    out.0.extend_from_slice(&bytes);
    out.0
}

/// Reads what a [`Writer`] wrote.
pub(crate) struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, at: 0 }
    }

    /// How many bytes have been read.
    #[cfg(test)]
    pub(crate) fn position(&self) -> usize {
        self.at
    }

    /// Whether every byte has been read.
    pub(crate) fn is_done(&self) -> bool {
        self.at == self.bytes.len()
    }

    pub(crate) fn byte(&mut self) -> Option<u8> {
        let byte = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(byte)
    }

    pub(crate) fn number(&mut self) -> Option<u64> {
        let mut value: u64 = 0;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            value |= u64::from(byte & 0x7F).checked_shl(shift)?;
            if byte & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    }

    /// A count of items, each at least one byte long, so never more than the bytes left: a
    /// damaged count cannot make the reader reserve memory it does not need.
    pub(crate) fn count(&mut self) -> Option<usize> {
        let count = usize::try_from(self.number()?).ok()?;
        (count <= self.bytes.len() - self.at).then_some(count)
    }

    pub(crate) fn text(&mut self) -> Option<String> {
        let header = self.number()?;
        self.text_after(header)
    }

    /// A text, or `None` inside for the mark [`DITTO`] ("as before"), which no text's header
    /// can be (an empty text is written in UTF-8).
    pub(crate) fn text_or_ditto(&mut self) -> Option<Option<String>> {
        match self.number()? {
            DITTO => Some(None),
            header => self.text_after(header).map(Some),
        }
    }

    fn text_after(&mut self, header: u64) -> Option<String> {
        let length = usize::try_from(header >> 1).ok()?;
        let end = self.at.checked_add(length)?;
        let bytes = self.bytes.get(self.at..end)?;
        self.at = end;
        if header & 1 == 0 {
            return String::from_utf8(bytes.to_vec()).ok();
        }
        if length % 2 != 0 {
            return None;
        }
        let units: Vec<u16> = bytes
            .chunks_exact(2)
            .map(|pair| u16::from_be_bytes([pair[0], pair[1]]))
            .collect();
        String::from_utf16(&units).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_text_is_packed_in_utf16_and_english_in_utf8() {
        assert_eq!(packed_text("持证社工").len(), 1 + 8);
        assert_eq!(packed_text("2024-03").len(), 1 + 7);
        let mut out = Writer::new(1);
        out.text("持证社工");
        out.number(300);
        out.text("");
        let mut input = Reader::new(out.bytes());
        assert_eq!(input.byte(), Some(1));
        assert_eq!(input.text().as_deref(), Some("持证社工"));
        assert_eq!(input.number(), Some(300));
        assert_eq!(input.text().as_deref(), Some(""));
        assert!(input.is_done());
    }

    #[test]
    fn a_cut_text_is_refused() {
        let mut out = Writer::new(1);
        out.text("持证社工");
        let cut = &out.bytes()[..out.bytes().len() - 1];
        let mut input = Reader::new(cut);
        input.byte();
        assert_eq!(input.text(), None);
    }
}
