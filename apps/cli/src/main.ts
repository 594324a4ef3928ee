console.log("maturity: not built yet");
