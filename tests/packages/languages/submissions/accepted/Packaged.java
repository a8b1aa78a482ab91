package geometry.circles;

import java.util.Scanner;

public class Packaged {
  public static void main(String[] args) {
    double r = new Scanner(System.in).nextDouble();
    System.out.println(Math.PI * r * r);
  }
}
