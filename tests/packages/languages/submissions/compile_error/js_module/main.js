const area = require("./area");
console.log(area(Number(require("fs").readFileSync(0, "utf8"))));
