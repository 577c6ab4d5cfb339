//! Chapter 3.
#[allow(unused_imports)]
use super::*;

listings! {}
