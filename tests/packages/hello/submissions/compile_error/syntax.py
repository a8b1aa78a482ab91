print("Hello, " + input( + "!")
