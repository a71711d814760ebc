//! Finding links in what people paste: a full address, a bare query, or a chat message with
//! one or several links and words around them ("看看这个方案：http://…/?v=1&p=yunnan.1，谢谢").

/// Characters that can appear in an address (RFC 3986, plus `%`). Anything else — spaces,
/// Chinese text, full-width punctuation, quotes — ends a link.
fn is_url_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'()*+,;=%".contains(c)
}

/// Punctuation that ends a sentence rather than a link ("…&h=15000." or "(…&h=15000)").
const TRAILING: &[char] = &['.', ',', ';', ':', '!', '?', ')', ']', '\'', '*'];

/// The links in a text, in order: every `http://` or `https://` address, and every other run
/// of address characters that holds a query (`?` followed by `key=value`).
pub fn extract_links(text: &str) -> Vec<&str> {
    let mut links = Vec::new();
    for run in text.split(|c: char| !is_url_char(c)) {
        let mut starts: Vec<usize> = run.match_indices("http").map(|(i, _)| i).collect();
        starts.retain(|&i| run[i..].starts_with("http://") || run[i..].starts_with("https://"));
        if starts.is_empty() {
            let bare = run.trim_start_matches(['(', '[', '\'', '"']);
            if bare
                .split_once('?')
                .is_some_and(|(_, query)| query.contains('='))
            {
                push_trimmed(&mut links, bare);
            }
            continue;
        }
        // Two links glued together ("…yunnan.1http://…") are two links.
        for (k, &start) in starts.iter().enumerate() {
            let end = starts.get(k + 1).copied().unwrap_or(run.len());
            push_trimmed(&mut links, &run[start..end]);
        }
    }
    links
}

fn push_trimmed<'a>(links: &mut Vec<&'a str>, link: &'a str) {
    let link = link.trim_end_matches(TRAILING);
    if !link.is_empty() {
        links.push(link);
    }
}

/// The query of the first link in `text` (without `?` and without any `#fragment`); when the
/// text holds no address, the text itself up to the first space, read as a query.
pub fn query_part(text: &str) -> &str {
    let link = match extract_links(text).first() {
        Some(link) => *link,
        None => text.split_whitespace().next().unwrap_or(""),
    };
    let query = match link.split_once('?') {
        Some((_, query)) => query,
        // An address without a query opens the default, like the app's own address.
        None if link.contains("://") => "",
        None => link,
    };
    query.split('#').next().unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_address_gives_its_query() {
        assert_eq!(
            query_part("http://127.0.0.1:8080/?v=1&p=yunnan.1&h=15000"),
            "v=1&p=yunnan.1&h=15000"
        );
    }

    #[test]
    fn a_query_with_or_without_question_mark_is_itself() {
        assert_eq!(query_part("?v=1&p=ningxia.1"), "v=1&p=ningxia.1");
        assert_eq!(query_part("v=1&p=ningxia.1"), "v=1&p=ningxia.1");
    }

    #[test]
    fn a_chat_message_gives_the_link_inside_it() {
        let message =
            "看看这个方案：https://plan.example.cn/swplan/?v=1&p=yunnan.1&h=15000，谢谢！";
        assert_eq!(query_part(message), "v=1&p=yunnan.1&h=15000");
        let english = "See (https://x.org/?v=1&p=lhasa.1&a=0.1). Thanks";
        assert_eq!(query_part(english), "v=1&p=lhasa.1&a=0.1");
    }

    #[test]
    fn the_fragment_is_dropped() {
        assert_eq!(query_part("http://x/?v=1&p=jinan.1#top"), "v=1&p=jinan.1");
    }

    #[test]
    fn an_address_without_a_query_is_the_empty_query() {
        assert_eq!(query_part("http://127.0.0.1:8080/"), "");
    }

    #[test]
    fn several_links_in_a_message_are_all_found() {
        let message = "第一组 http://a.cn/?v=1&p=yunnan.1&h=15000\n第二组：http://a.cn/?v=1&p=yunnan.1&h=9000。\
                       第三组?v=1&p=new&t0=500 还有一个网站 http://example.com";
        assert_eq!(
            extract_links(message),
            vec![
                "http://a.cn/?v=1&p=yunnan.1&h=15000",
                "http://a.cn/?v=1&p=yunnan.1&h=9000",
                "?v=1&p=new&t0=500",
                "http://example.com",
            ]
        );
    }

    #[test]
    fn glued_links_are_split() {
        assert_eq!(
            extract_links("http://a/?v=1&p=lhasa.1http://a/?v=1&p=jinan.1"),
            vec!["http://a/?v=1&p=lhasa.1", "http://a/?v=1&p=jinan.1"]
        );
    }

    #[test]
    fn text_without_links_has_none() {
        assert!(extract_links("明天开会讨论 x=5 的方案").is_empty());
    }
}
