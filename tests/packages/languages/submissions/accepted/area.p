program Area;
var
  r: double;
begin
  readln(r);
  writeln(pi * r * r:0:9);
end.
