use std::io::Read;

fn main() {
    let mut name = String::new();
    std::io::stdin().read_to_string(&mut name).unwrap();
    println!("Hello, {}!", name.trim());
}
