use std::thread;

fn main() {
    let mut value = 0;
    thread::scope(|s| {
        for _ in 0..10 {
            s.spawn(|| {
                for _ in 0..1_000_000 {
                    value += 1;
                }
            });
        }
    });
    println!("Value: {value}");
}
