import java.util.Scanner;

public class Solve {
  public static void main(String[] args) {
    System.out.println(Area.of(new Scanner(System.in).nextDouble()));
  }
}
