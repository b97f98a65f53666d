//! Prints the version and the fingerprint of a text given on the command line.

fn main() {
    let text = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "hello".to_owned());
    println!("agentsentinel {}", agentsentinel::version());
    println!("{}", agentsentinel::fingerprint(&text));
}
