use std::thread;

fn main() {
    let numbers = vec![1, 2, 3];
    let handle = thread::spawn(|| println!("{numbers:?}"));
    handle.join().unwrap();
}
