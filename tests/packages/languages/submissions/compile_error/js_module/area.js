// A syntax error in a module the main file loads.
module.exports = (r) => Math.PI * r * r;;
}
