unit Circles;

interface

function AreaOf(r: double): double;

implementation

function AreaOf(r: double): double;
begin
  AreaOf := pi * r * r;
end;

end.
