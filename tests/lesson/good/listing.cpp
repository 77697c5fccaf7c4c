// A listing file for the loader test.
Coro<> main() {
  print("hi");
}
