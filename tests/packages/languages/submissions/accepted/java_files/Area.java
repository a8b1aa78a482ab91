/** Area.java comes first by name; the main method is in Solve.java. */
public class Area {
  static double of(double r) {
    return Math.PI * r * r;
  }
}
