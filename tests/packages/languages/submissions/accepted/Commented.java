// An older draft: public class Draft { public static void main(String[] args) {} }
/* public class Sketch {} */
import java.util.Scanner;

public class Circle {
  public static void main(String[] args) {
    double r = new Scanner(System.in).nextDouble();
    System.out.println(Math.PI * r * r);
  }
}
