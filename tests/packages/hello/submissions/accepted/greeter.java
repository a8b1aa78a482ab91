import java.util.Scanner;

public class Greeter {
  public static void main(String[] args) {
    Scanner in = new Scanner(System.in);
    System.out.println("Hello, " + in.next() + "!");
  }
}
