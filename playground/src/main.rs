// The Playground puts the reader's code here. The Playground check builds each
// listing in its own copy of this package instead (target/playground-check/).
fn main() {}
