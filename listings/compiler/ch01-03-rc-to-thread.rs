use std::rc::Rc;
use std::thread;

fn main() {
    let shared = Rc::new(vec![1, 2, 3]);
    let copy = Rc::clone(&shared); // a second owner: the count is now 2
    let handle = thread::spawn(move || println!("{copy:?}"));
    handle.join().unwrap();
    println!("{shared:?}");
}
