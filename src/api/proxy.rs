//! HTTP proxies from the environment, read as curl reads them:
//! `http_proxy`/`HTTP_PROXY` for http URLs, `https_proxy`/`HTTPS_PROXY` for
//! https, `all_proxy`/`ALL_PROXY` for either, the lowercase spelling first,
//! and `no_proxy`/`NO_PROXY` for hosts to reach directly.
//!
//! Read here rather than by reqwest so that a malformed value is an error
//! instead of being ignored, a SOCKS proxy is refused rather than silently
//! skipped, `NO_PROXY=*` covers IP addresses too, and errors can name the
//! proxy that failed.

use std::net::IpAddr;

use reqwest::Url;

/// The proxy settings in effect.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Proxies {
    http: Option<Proxy>,
    https: Option<Proxy>,
    no_proxy: Vec<NoProxyEntry>,
}

/// One proxy, and the variable it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proxy {
    pub url: Url,
    pub variable: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum NoProxyEntry {
    Everything,
    Domain(String),
    Network { address: IpAddr, prefix: u8 },
}

const HTTP: [&str; 2] = ["http_proxy", "HTTP_PROXY"];
const HTTPS: [&str; 2] = ["https_proxy", "HTTPS_PROXY"];
const ALL: [&str; 2] = ["all_proxy", "ALL_PROXY"];
const NO_PROXY: [&str; 2] = ["no_proxy", "NO_PROXY"];

impl Proxies {
    /// Reads the proxy variables through `env`. Every one that is set must
    /// be a valid http(s) proxy URL, whether or not it applies: the error
    /// names the variable and says what is wrong.
    pub fn from_env(env: impl Fn(&str) -> Option<String>) -> Result<Proxies, String> {
        let set = |name: &str| env(name).filter(|value| !value.trim().is_empty());
        let mut parsed = Vec::new();
        for name in HTTP.iter().chain(&HTTPS).chain(&ALL) {
            if let Some(value) = set(name) {
                parsed.push((*name, parse_proxy(name, value.trim())?));
            }
        }
        let first = |names: [&'static str; 2]| {
            names.iter().find_map(|name| {
                parsed
                    .iter()
                    .find(|(n, _)| n == name)
                    .map(|(variable, url)| Proxy {
                        url: url.clone(),
                        variable,
                    })
            })
        };
        let all = first(ALL);
        let no_proxy = NO_PROXY
            .iter()
            .find_map(|name| set(name))
            .map(|list| parse_no_proxy(&list))
            .unwrap_or_default();
        Ok(Proxies {
            http: first(HTTP).or_else(|| all.clone()),
            https: first(HTTPS).or(all),
            no_proxy,
        })
    }

    /// The proxy a request to `url` goes through, if any.
    pub fn for_url(&self, url: &Url) -> Option<&Proxy> {
        let proxy = match url.scheme() {
            "http" => self.http.as_ref(),
            "https" => self.https.as_ref(),
            _ => None,
        }?;
        let bypassed = url
            .host_str()
            .is_some_and(|host| self.no_proxy.iter().any(|entry| entry.matches(host)));
        (!bypassed).then_some(proxy)
    }
}

/// A proxy URL; like curl, `host:port` without a scheme means http.
fn parse_proxy(name: &str, value: &str) -> Result<Url, String> {
    let with_scheme = if value.contains("://") {
        value.to_owned()
    } else {
        format!("http://{value}")
    };
    let shown = || crate::secrets::scrub(value).into_owned();
    let url = Url::parse(&with_scheme).map_err(|e| {
        format!(
            "{name}: `{}` is not a proxy URL ({e}); write http://HOST:PORT",
            shown()
        )
    })?;
    // Its password is as secret as the key.
    crate::secrets::redact_url(&url);
    match url.scheme() {
        "http" | "https" if url.has_host() => Ok(url),
        "http" | "https" => Err(format!(
            "{name}: `{}` names no host; write http://HOST:PORT",
            shown()
        )),
        scheme if scheme.starts_with("socks") => Err(format!(
            "{name}: {scheme} proxies are not supported; use an HTTP proxy (http://HOST:PORT), \
             or unset {name}"
        )),
        scheme => Err(format!(
            "{name}: `{scheme}` is not a proxy scheme claude supports; use http:// or https://"
        )),
    }
}

fn parse_no_proxy(list: &str) -> Vec<NoProxyEntry> {
    list.split([',', ' ', '\t'])
        .map(str::trim)
        .filter(|entry| !entry.is_empty())
        .map(|entry| {
            if entry == "*" {
                return NoProxyEntry::Everything;
            }
            let (address, prefix) = match entry.split_once('/') {
                Some((address, prefix)) => (address, prefix.parse::<u8>().ok()),
                None => (entry, None),
            };
            let address = address.trim_start_matches('[').trim_end_matches(']');
            match address.parse::<IpAddr>() {
                Ok(address) => {
                    let full = if address.is_ipv4() { 32 } else { 128 };
                    NoProxyEntry::Network {
                        address,
                        prefix: prefix.unwrap_or(full).min(full),
                    }
                }
                Err(_) => NoProxyEntry::Domain(entry.trim_start_matches('.').to_ascii_lowercase()),
            }
        })
        .collect()
}

impl NoProxyEntry {
    fn matches(&self, host: &str) -> bool {
        let address = host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<IpAddr>();
        match (self, address) {
            (NoProxyEntry::Everything, _) => true,
            (NoProxyEntry::Domain(domain), Err(_)) => {
                let host = host.to_ascii_lowercase();
                host == *domain || host.ends_with(&format!(".{domain}"))
            }
            (NoProxyEntry::Network { address, prefix }, Ok(host)) => {
                in_network(host, *address, *prefix)
            }
            _ => false,
        }
    }
}

fn in_network(host: IpAddr, network: IpAddr, prefix: u8) -> bool {
    let bits = |address: IpAddr| match address {
        IpAddr::V4(v4) => (u128::from(u32::from(v4)) << 96, 32),
        IpAddr::V6(v6) => (u128::from(v6), 128),
    };
    let ((host, host_len), (network, network_len)) = (bits(host), bits(network));
    if host_len != network_len {
        return false;
    }
    let mask = match prefix {
        0 => 0,
        p => u128::MAX << (128 - u32::from(p)),
    };
    host & mask == network & mask
}

#[cfg(test)]
mod tests {
    use super::*;

    fn proxies(vars: &[(&str, &str)]) -> Result<Proxies, String> {
        Proxies::from_env(|name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v).to_owned())
        })
    }

    fn via(proxies: &Proxies, url: &str) -> Option<String> {
        proxies
            .for_url(&Url::parse(url).unwrap())
            .map(|p| format!("{} {}", p.variable, p.url))
    }

    #[test]
    fn each_scheme_has_its_variable_and_all_proxy_fills_in() {
        let p = proxies(&[
            ("HTTPS_PROXY", "proxy.example:3128"),
            ("ALL_PROXY", "http://all.example:8080"),
        ])
        .unwrap();
        assert_eq!(
            via(&p, "https://api.anthropic.com/v1/messages").as_deref(),
            Some("HTTPS_PROXY http://proxy.example:3128/")
        );
        assert_eq!(
            via(&p, "http://gateway/v1").as_deref(),
            Some("ALL_PROXY http://all.example:8080/")
        );
        let lower = proxies(&[
            ("https_proxy", "http://low:1"),
            ("HTTPS_PROXY", "http://up:1"),
        ]);
        assert_eq!(
            via(&lower.unwrap(), "https://x").as_deref(),
            Some("https_proxy http://low:1/")
        );
        assert_eq!(via(&proxies(&[]).unwrap(), "https://x"), None);
    }

    #[test]
    fn malformed_and_socks_proxies_are_errors_naming_the_variable() {
        for (name, value, expected) in [
            (
                "HTTPS_PROXY",
                "http://[::1",
                "HTTPS_PROXY: `http://[::1` is not a proxy URL",
            ),
            ("HTTP_PROXY", "ftp://x:21", "`ftp` is not a proxy scheme"),
            (
                "ALL_PROXY",
                "socks5://127.0.0.1:1080",
                "socks5 proxies are not supported",
            ),
            (
                "all_proxy",
                "socks5h://h:1",
                "socks5h proxies are not supported",
            ),
        ] {
            let error = proxies(&[(name, value)]).unwrap_err();
            assert!(error.contains(expected), "{error}");
        }
    }

    #[test]
    fn no_proxy_follows_curl() {
        let p =
            |list: &str| proxies(&[("HTTPS_PROXY", "http://proxy:1"), ("NO_PROXY", list)]).unwrap();
        for (list, url, bypassed) in [
            ("*", "https://127.0.0.1:8443", true),
            ("*", "https://[::1]:8443", true),
            ("*", "https://api.anthropic.com", true),
            ("anthropic.com", "https://api.anthropic.com", true),
            (".anthropic.com", "https://api.anthropic.com", true),
            ("anthropic.com", "https://notanthropic.com", false),
            ("10.0.0.0/8, localhost", "https://10.1.2.3", true),
            ("10.0.0.0/8", "https://11.1.2.3", false),
            ("127.0.0.1", "https://127.0.0.1:9", true),
            ("::1", "https://[::1]:9", true),
            ("example.com", "https://127.0.0.1", false),
        ] {
            assert_eq!(via(&p(list), url).is_none(), bypassed, "{list} {url}");
        }
    }
}
