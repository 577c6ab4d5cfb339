use std::rc::Rc;
use std::thread;

fn main() {
    let names = Rc::new(vec!["A", "B"]);
    let also = Rc::clone(&names);
    let handle = thread::spawn(move || also.len());
    println!("{} names, {} seen by the thread", names.len(), handle.join().unwrap());
}
