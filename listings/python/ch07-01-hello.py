"""Calls the Rust function of Listing 7-1 as Python calls any other."""
import hello

print(hello.count_primes(0, 100))
print(hello.count_primes(start=1_000_000, end=1_001_000))
# What PyO3 made of the Rust function: a built-in, like len, with the doc
# comment as its docstring and the Rust parameters as its signature.
print(type(hello.count_primes).__name__)
print(hello.count_primes.__doc__)
print(hello.count_primes.__text_signature__)
