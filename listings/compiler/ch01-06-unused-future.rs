async fn task() -> u32 {
    println!("the task runs");
    3
}

fn main() {
    task(); // creates the future, and drops it unpolled
    println!("main is done");
}
