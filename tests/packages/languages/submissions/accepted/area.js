const r = Number(require("fs").readFileSync(0, "utf8"));
console.log(Math.PI * r * r);
