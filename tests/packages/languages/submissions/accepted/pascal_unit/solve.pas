{ The program; circles.pas, first by name, is a unit. }
program Solve;
uses Circles;
var
  r: double;
begin
  readln(r);
  writeln(AreaOf(r):0:9);
end.
