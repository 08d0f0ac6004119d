let state0_0;
exports.handler0 = async (event, context) => {
  [1].forEach((item0_1_0) => {
    Promise.resolve(2).then(function (item0_2_0) {
      [3].forEach((item0_3_0) => {
        if (!state0_0) state0_0 = [];
        state0_0.unshift(event.id);
      });
    });
  });
  return { statusCode: 200 };
};
function unrelated0_0(value) {
  return value + 1;
}
let state0_1 = '';
exports.handler1 = async (event, context) => {
  [1].forEach((item0_1_1) => {
    Promise.resolve(2).then(function (item0_2_1) {
      state0_1 += event.line;
    });
  });
  return { statusCode: 200 };
};
let state0_2 = {};
let state1_2;
function helper1_1_2(input1_1_2) {
  state1_2 ??= new Set();
  state1_2.add(input1_1_2.id);
}
exports.handler2 = async (event, context) => {
  state0_2[event.id] = true;
  helper1_1_2(event);
  console.log(typeof state0_2);
  return { statusCode: 200 };
};
const unrelated1_2 = [1, 2, 3].map((n) => n * 2);
let state0_3;
let state1_3;
let state2_3 = {};
function helper0_1_3(input0_1_3) {
  state0_3 ??= [];
  state0_3.push(input0_1_3.id);
}
exports.handler3 = async (event, context) => {
  helper0_1_3(event);
  return { statusCode: 200 };
};
console.log('unrelated0_3', 0);
function unrelated1_3(value) {
  return value + 1;
}
let state0_4 = '';
let state1_4;
let state2_4 = new Map();
function helper1_1_4(input1_1_4) {
  state2_4.set(input1_1_4.id, Date.now());
}
exports.handler4 = async (event, context) => {
  [1].forEach((item0_1_4) => {
    Promise.resolve(2).then(function (item0_2_4) {
      state0_4 += event.line;
    });
  });
  helper1_1_4(event);
  state0_4 += event.line;
  [1].forEach((item3_1_4) => {
    Promise.resolve(2).then(function (item3_2_4) {
      const alias3_4 = state2_4;
      alias3_4.set(event.id, Date.now());
    });
  });
  console.log(typeof state0_4);
  return { statusCode: 200 };
};
const unrelated1_4 = new Map();
unrelated1_4.set('key', 1);
let state0_5;
let state1_5 = '';
function helper0_1_5(input0_1_5) {
  helper0_2_5(input0_1_5);
}
function helper0_2_5(input0_2_5) {
  state1_5 += input0_2_5.line;
}
function helper3_1_5(input3_1_5) {
  state0_5 ??= [];
  state0_5.push(input3_1_5.id);
}
exports.handler5 = async (event, context) => {
  helper0_1_5(event);
  [1].forEach((item1_1_5) => {
    Promise.resolve(2).then(function (item1_2_5) {
      [3].forEach((item1_3_5) => {
        state1_5 += event.line;
      });
    });
  });
  state1_5 += event.line;
  helper3_1_5(event);
  return { statusCode: 200 };
};
let state0_6 = {};
let state1_6 = new Map();
let state2_6 = {};
exports.handler6 = async (event, context) => {
  state0_6.last = event.body;
  console.log(typeof state0_6);
  return { statusCode: 200 };
};
let state0_7 = '';
let state1_7;
function helper0_1_7(input0_1_7) {
  helper0_2_7(input0_1_7);
}
function helper0_2_7(input0_2_7) {
  helper0_3_7(input0_2_7);
}
function helper0_3_7(input0_3_7) {
  state1_7 ??= [];
  state1_7 = [...state1_7, input0_3_7.id];
}
function helper1_1_7(input1_1_7) {
  helper1_2_7(input1_1_7);
}
function helper1_2_7(input1_2_7) {
  state1_7 ??= [];
  state1_7 = [...state1_7, input1_2_7.id];
}
exports.handler7 = async (event, context) => {
  helper0_1_7(event);
  helper1_1_7(event);
  state1_7 ??= [];
  state1_7.unshift(event.id);
  return { statusCode: 200 };
};
const unrelated0_7 = [1, 2, 3].map((n) => n * 2);
function unrelated1_7(value) {
  return value + 1;
}
let state0_8;
let state1_8;
exports.handler8 = async (event, context) => {
  if (!state1_8) state1_8 = [];
  state1_8.push(event.id);
  if (!state1_8) state1_8 = [];
  state1_8.push(event.id);
  console.log(typeof state0_8);
  return { statusCode: 200 };
};
let state0_9;
let state1_9 = 0;
let state2_9;
exports.handler9 = async (event, context) => {
  [1].forEach((item0_1_9) => {
    Promise.resolve(2).then(function (item0_2_9) {
      [3].forEach((item0_3_9) => {
        state0_9 ||= {};
        const alias0_9 = state0_9;
        delete alias0_9[event.id];
      });
    });
  });
  state1_9++;
  [1].forEach((item2_1_9) => {
    Promise.resolve(2).then(function (item2_2_9) {
      [3].forEach((item2_3_9) => {
        state1_9 += 1;
      });
    });
  });
  return { statusCode: 200 };
};
let state0_10 = new Set();
let state1_10 = [];
let state2_10;
exports.handler10 = async (event, context) => {
  [1].forEach((item0_1_10) => {
    Promise.resolve(2).then(function (item0_2_10) {
      [3].forEach((item0_3_10) => {
        state0_10.add(event.id);
      });
    });
  });
  const alias1_10 = state1_10;
  alias1_10.push(event.id);
  return { statusCode: 200 };
};
function unrelated0_10(value) {
  return value + 1;
}
let state0_11;
let state1_11 = new Map();
let state2_11 = new Map();
exports.handler11 = async (event, context) => {
  state2_11.set(event.id, Date.now());
  state1_11.set(event.id, Date.now());
  [1].forEach((item2_1_11) => {
    Promise.resolve(2).then(function (item2_2_11) {
      [3].forEach((item2_3_11) => {
        state2_11.set(event.id, Date.now());
      });
    });
  });
  [1].forEach((item3_1_11) => {
    const alias3_11 = state2_11;
    alias3_11.set(event.id, Date.now());
  });
  return { statusCode: 200 };
};
let state0_12;
let state1_12 = 0;
let state2_12 = 0;
function helper2_1_12(input2_1_12) {
  state1_12++;
}
exports.handler12 = async (event, context) => {
  [1].forEach((item0_1_12) => {
    state1_12 += 1;
  });
  state1_12 += 1;
  helper2_1_12(event);
  return { statusCode: 200 };
};
const unrelated0_12 = new Map();
unrelated0_12.set('key', 0);
function unrelated1_12(value) {
  return value + 1;
}
let state0_13;
let state1_13;
function helper0_1_13(input0_1_13) {
  helper0_2_13(input0_1_13);
}
function helper0_2_13(input0_2_13) {
  helper0_3_13(input0_2_13);
}
function helper0_3_13(input0_3_13) {
  if (!state1_13) state1_13 = [];
  state1_13.push(input0_3_13.id);
}
exports.handler13 = async (event, context) => {
  helper0_1_13(event);
  if (!state1_13) state1_13 = [];
  state1_13.unshift(event.id);
  if (!state1_13) state1_13 = [];
  state1_13.unshift(event.id);
  state0_13 ||= [];
  state0_13 = [...state0_13, event.id];
  return { statusCode: 200 };
};
function unrelated0_13(value) {
  return value + 1;
}
function unrelated1_13(value) {
  return value + 1;
}
let state0_14 = '';
let state1_14 = '';
function helper1_1_14(input1_1_14) {
  helper1_2_14(input1_1_14);
}
function helper1_2_14(input1_2_14) {
  helper1_3_14(input1_2_14);
}
function helper1_3_14(input1_3_14) {
  state0_14 += input1_3_14.line;
}
exports.handler14 = async (event, context) => {
  state1_14 += event.line;
  helper1_1_14(event);
  [1].forEach((item2_1_14) => {
    state1_14 += event.line;
  });
  return { statusCode: 200 };
};
let state0_15 = [];
function helper0_1_15(input0_1_15) {
  helper0_2_15(input0_1_15);
}
function helper0_2_15(input0_2_15) {
  helper0_3_15(input0_2_15);
}
function helper0_3_15(input0_3_15) {
  state0_15 = [...state0_15, input0_3_15.id];
}
function helper1_1_15(input1_1_15) {
  state0_15.unshift(input1_1_15.id);
}
function helper3_1_15(input3_1_15) {
  state0_15 = [...state0_15, input3_1_15.id];
}
exports.handler15 = async (event, context) => {
  helper0_1_15(event);
  helper1_1_15(event);
  [1].forEach((item2_1_15) => {
    Promise.resolve(2).then(function (item2_2_15) {
      state0_15.unshift(event.id);
    });
  });
  helper3_1_15(event);
  return { statusCode: 200 };
};
console.log('unrelated0_15', 0);
let state0_16 = '';
let state1_16 = '';
exports.handler16 = async (event, context) => {
  [1].forEach((item0_1_16) => {
    Promise.resolve(2).then(function (item0_2_16) {
      [3].forEach((item0_3_16) => {
        state1_16 += event.line;
      });
    });
  });
  [1].forEach((item1_1_16) => {
    Promise.resolve(2).then(function (item1_2_16) {
      state1_16 += event.line;
    });
  });
  return { statusCode: 200 };
};
function unrelated0_16(value) {
  return value + 1;
}
let state0_17 = {};
let state1_17 = new Set();
let state2_17;
function helper0_1_17(input0_1_17) {
  const alias0_17 = state0_17;
  alias0_17[input0_1_17.id] = true;
}
function helper1_1_17(input1_1_17) {
  helper1_2_17(input1_1_17);
}
function helper1_2_17(input1_2_17) {
  const alias1_17 = state0_17;
  alias1_17[input1_2_17.id] = true;
}
function helper3_1_17(input3_1_17) {
  helper3_2_17(input3_1_17);
}
function helper3_2_17(input3_2_17) {
  state1_17.add(input3_2_17.id);
}
exports.handler17 = async (event, context) => {
  helper0_1_17(event);
  helper1_1_17(event);
  [1].forEach((item2_1_17) => {
    Promise.resolve(2).then(function (item2_2_17) {
      [3].forEach((item2_3_17) => {
        const alias2_17 = state1_17;
        alias2_17.add(event.id);
      });
    });
  });
  helper3_1_17(event);
  return { statusCode: 200 };
};
let state0_18;
let state1_18 = '';
function helper3_1_18(input3_1_18) {
  helper3_2_18(input3_1_18);
}
function helper3_2_18(input3_2_18) {
  helper3_3_18(input3_2_18);
}
function helper3_3_18(input3_3_18) {
  state0_18 ??= new Set();
  state0_18.add(input3_3_18.id);
}
exports.handler18 = async (event, context) => {
  [1].forEach((item0_1_18) => {
    Promise.resolve(2).then(function (item0_2_18) {
      state0_18 ??= new Set();
      state0_18.add(event.id);
    });
  });
  state0_18 ??= new Set();
  state0_18.add(event.id);
  [1].forEach((item2_1_18) => {
    Promise.resolve(2).then(function (item2_2_18) {
      [3].forEach((item2_3_18) => {
        state0_18 ??= new Set();
        state0_18.add(event.id);
      });
    });
  });
  helper3_1_18(event);
  return { statusCode: 200 };
};
console.log('unrelated0_18', 0);
let state0_19 = new Set();
let state1_19 = '';
let state2_19 = 0;
function helper0_1_19(input0_1_19) {
  helper0_2_19(input0_1_19);
}
function helper0_2_19(input0_2_19) {
  state0_19.add(input0_2_19.id);
}
function helper2_1_19(input2_1_19) {
  state1_19 += input2_1_19.line;
}
exports.handler19 = async (event, context) => {
  helper0_1_19(event);
  state1_19 += event.line;
  helper2_1_19(event);
  [1].forEach((item3_1_19) => {
    Promise.resolve(2).then(function (item3_2_19) {
      [3].forEach((item3_3_19) => {
        state0_19.add(event.id);
      });
    });
  });
  return { statusCode: 200 };
};
