//! What the web edge needs to know of the deployment: its public address, demo mode, the
//! reverse proxies to believe, the metrics token. Built by the binary from its own
//! configuration (environment variables).

/// The web edge's settings.
#[derive(Clone, Debug, Default)]
pub struct WebConfig {
    /// Base of links (`EFOREIGNER_PUBLIC_URL`); `https://…` turns on HSTS and secure cookies.
    pub public_url: String,
    /// Demo mode: the development mailbox page.
    pub demo: bool,
    /// Reverse proxies whose `X-Forwarded-For` is believed (see [`WebConfig::client_address`]).
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// A bearer token that opens `/metrics`; without it, only clients on this machine.
    pub metrics_token: Option<String>,
}

/// Parses `EFOREIGNER_TRUSTED_PROXIES`: addresses (`10.0.0.5`, `::1`) or ranges
/// (`10.0.0.0/8`), separated by commas or white space.
pub fn parse_proxies(text: &str) -> anyhow::Result<Vec<ipnet::IpNet>> {
    text.split(|c: char| c == ',' || c.is_whitespace())
        .filter(|p| !p.is_empty())
        .map(|p| {
            p.parse::<ipnet::IpNet>()
                .or_else(|_| p.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
                .map_err(|_| {
                    anyhow::anyhow!(
                        "EFOREIGNER_TRUSTED_PROXIES: {p:?} is neither an address nor a range"
                    )
                })
        })
        .collect()
}

impl WebConfig {
    /// The client of a request from `peer` with the `X-Forwarded-For` values `forwarded`
    /// (in header order): `peer` itself, unless it is a trusted proxy; then, walking the
    /// header from its end (the address the last proxy saw), the first address that is not
    /// a trusted proxy. A header from anyone else is ignored (it is the client's own word).
    pub fn client_address<'h>(
        &self,
        peer: std::net::IpAddr,
        forwarded: impl DoubleEndedIterator<Item = &'h str>,
    ) -> std::net::IpAddr {
        let trusted = |ip: &std::net::IpAddr| self.trusted_proxies.iter().any(|n| n.contains(ip));
        if !trusted(&peer) {
            return peer;
        }
        let mut client = peer;
        for ip in forwarded.rev().flat_map(|v| v.rsplit(',')).map(str::trim) {
            let Ok(ip) = ip.parse::<std::net::IpAddr>() else {
                // Something that is not an address: stop at the last one believed.
                break;
            };
            client = ip;
            if !trusted(&ip) {
                break;
            }
        }
        client
    }

    /// Whether cookies may carry the `__Host-` prefix and `Secure` flag: over HTTPS, and on
    /// loopback addresses which browsers treat as secure contexts.
    pub fn secure_cookies(&self) -> bool {
        let url = self.public_url.as_str();
        url.starts_with("https://")
            || url.starts_with("http://127.0.0.1")
            || url.starts_with("http://localhost")
            || url.starts_with("http://[::1]")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(proxies: &str) -> WebConfig {
        WebConfig {
            trusted_proxies: parse_proxies(proxies).unwrap(),
            ..WebConfig::default()
        }
    }

    fn ip(s: &str) -> std::net::IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn forwarded_addresses_are_believed_only_from_trusted_proxies() {
        let c = config("10.0.0.0/8, 192.168.1.1");
        // From a client directly: its header is its own word, ignored.
        assert_eq!(
            c.client_address(ip("203.0.113.9"), ["1.2.3.4"].into_iter()),
            ip("203.0.113.9")
        );
        // Through one trusted proxy.
        assert_eq!(
            c.client_address(ip("10.1.2.3"), ["203.0.113.9"].into_iter()),
            ip("203.0.113.9")
        );
        // A client that sends its own header through the proxy: the proxy's append counts.
        assert_eq!(
            c.client_address(ip("10.1.2.3"), ["6.6.6.6, 203.0.113.9"].into_iter()),
            ip("203.0.113.9")
        );
        // Two trusted proxies in a row, in two header lines.
        assert_eq!(
            c.client_address(ip("10.1.2.3"), ["198.51.100.7", "192.168.1.1"].into_iter()),
            ip("198.51.100.7")
        );
        // No header, or garbage: the proxy itself.
        assert_eq!(
            c.client_address(ip("10.1.2.3"), std::iter::empty()),
            ip("10.1.2.3")
        );
        assert_eq!(
            c.client_address(ip("10.1.2.3"), ["not-an-ip"].into_iter()),
            ip("10.1.2.3")
        );
        // Nothing trusted by default.
        assert_eq!(
            config("").client_address(ip("10.1.2.3"), ["1.2.3.4"].into_iter()),
            ip("10.1.2.3")
        );
        assert!(parse_proxies("10.0.0.0/33").is_err());
        assert!(parse_proxies("proxy.example").is_err());
    }
}
