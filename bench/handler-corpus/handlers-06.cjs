let state0_0 = 0;
function helper3_1_0(input3_1_0) {
  helper3_2_0(input3_1_0);
}
function helper3_2_0(input3_2_0) {
  helper3_3_0(input3_2_0);
}
function helper3_3_0(input3_3_0) {
  state0_0++;
}
exports.handler0 = async (event, context) => {
  state0_0 += 1;
  state0_0 += 1;
  state0_0 += 1;
  helper3_1_0(event);
  return { statusCode: 200 };
};
console.log('unrelated0_0', 0);
const unrelated1_0 = new Map();
unrelated1_0.set('key', 1);
let state0_1 = new Set();
let state1_1 = [];
function helper2_1_1(input2_1_1) {
  const alias2_1 = state1_1;
  alias2_1.unshift(input2_1_1.id);
}
exports.handler1 = async (event, context) => {
  [1].forEach((item0_1_1) => {
    Promise.resolve(2).then(function (item0_2_1) {
      [3].forEach((item0_3_1) => {
        state0_1.add(event.id);
      });
    });
  });
  [1].forEach((item1_1_1) => {
    Promise.resolve(2).then(function (item1_2_1) {
      const alias1_1 = state1_1;
      alias1_1.push(event.id);
    });
  });
  helper2_1_1(event);
  [1].forEach((item3_1_1) => {
    state0_1.add(event.id);
  });
  return { statusCode: 200 };
};
console.log('unrelated0_1', 0);
let state0_2 = '';
let state1_2 = new Set();
let state2_2 = '';
exports.handler2 = async (event, context) => {
  [1].forEach((item0_1_2) => {
    Promise.resolve(2).then(function (item0_2_2) {
      state1_2.add(event.id);
    });
  });
  [1].forEach((item1_1_2) => {
    Promise.resolve(2).then(function (item1_2_2) {
      state0_2 += event.line;
    });
  });
  state2_2 += event.line;
  console.log(typeof state0_2);
  return { statusCode: 200 };
};
let state0_3 = {};
let state1_3;
function helper3_1_3(input3_1_3) {
  if (!state1_3) state1_3 = [];
  state1_3 = [...state1_3, input3_1_3.id];
}
exports.handler3 = async (event, context) => {
  Object.assign(state0_3, event.overrides);
  if (!state1_3) state1_3 = [];
  state1_3 = [...state1_3, event.id];
  delete state0_3[event.id];
  helper3_1_3(event);
  return { statusCode: 200 };
};
const unrelated0_3 = [1, 2, 3].map((n) => n * 2);
const unrelated1_3 = new Map();
unrelated1_3.set('key', 1);
let state0_4 = new Set();
let state1_4;
let state2_4 = [];
function helper1_1_4(input1_1_4) {
  state1_4 ||= {};
  Object.assign(state1_4, input1_1_4.overrides);
}
exports.handler4 = async (event, context) => {
  const alias0_4 = state0_4;
  alias0_4.add(event.id);
  helper1_1_4(event);
  state0_4.add(event.id);
  return { statusCode: 200 };
};
const unrelated0_4 = new Map();
unrelated0_4.set('key', 0);
const unrelated1_4 = new Map();
unrelated1_4.set('key', 1);
let state0_5 = 0;
let state1_5 = {};
let state2_5 = new Set();
exports.handler5 = async (event, context) => {
  [1].forEach((item0_1_5) => {
    Promise.resolve(2).then(function (item0_2_5) {
      state0_5 += 1;
    });
  });
  return { statusCode: 200 };
};
const unrelated0_5 = new Map();
unrelated0_5.set('key', 0);
function unrelated1_5(value) {
  return value + 1;
}
let state0_6;
let state1_6 = 0;
let state2_6;
exports.handler6 = async (event, context) => {
  state2_6 ||= new Set();
  state2_6.add(event.id);
  console.log(typeof state0_6);
  return { statusCode: 200 };
};
console.log('unrelated1_6', 1);
let state0_7;
function helper0_1_7(input0_1_7) {
  state0_7 ??= [];
  const alias0_7 = state0_7;
  alias0_7.push(input0_1_7.id);
}
exports.handler7 = async (event, context) => {
  helper0_1_7(event);
  return { statusCode: 200 };
};
function unrelated0_7(value) {
  return value + 1;
}
let state0_8 = new Set();
function helper0_1_8(input0_1_8) {
  const alias0_8 = state0_8;
  alias0_8.add(input0_1_8.id);
}
function helper3_1_8(input3_1_8) {
  helper3_2_8(input3_1_8);
}
function helper3_2_8(input3_2_8) {
  helper3_3_8(input3_2_8);
}
function helper3_3_8(input3_3_8) {
  const alias3_8 = state0_8;
  alias3_8.add(input3_3_8.id);
}
exports.handler8 = async (event, context) => {
  helper0_1_8(event);
  [1].forEach((item1_1_8) => {
    Promise.resolve(2).then(function (item1_2_8) {
      [3].forEach((item1_3_8) => {
        const alias1_8 = state0_8;
        alias1_8.add(event.id);
      });
    });
  });
  const alias2_8 = state0_8;
  alias2_8.add(event.id);
  helper3_1_8(event);
  return { statusCode: 200 };
};
const unrelated0_8 = [1, 2, 3].map((n) => n * 2);
function unrelated1_8(value) {
  return value + 1;
}
let state0_9 = 0;
let state1_9 = '';
let state2_9 = 0;
exports.handler9 = async (event, context) => {
  state1_9 += event.line;
  console.log(typeof state1_9);
  return { statusCode: 200 };
};
const unrelated0_9 = [1, 2, 3].map((n) => n * 2);
let state0_10;
exports.handler10 = async (event, context) => {
  state0_10 ||= {};
  state0_10.last = event.body;
  return { statusCode: 200 };
};
const unrelated0_10 = new Map();
unrelated0_10.set('key', 0);
let state0_11 = new Map();
function helper2_1_11(input2_1_11) {
  state0_11.set(input2_1_11.id, Date.now());
}
exports.handler11 = async (event, context) => {
  const alias0_11 = state0_11;
  alias0_11.set(event.id, Date.now());
  state0_11.set(event.id, Date.now());
  helper2_1_11(event);
  [1].forEach((item3_1_11) => {
    Promise.resolve(2).then(function (item3_2_11) {
      const alias3_11 = state0_11;
      alias3_11.set(event.id, Date.now());
    });
  });
  return { statusCode: 200 };
};
console.log('unrelated0_11', 0);
let state0_12 = new Set();
let state1_12 = 0;
let state2_12;
exports.handler12 = async (event, context) => {
  const alias0_12 = state0_12;
  alias0_12.add(event.id);
  state0_12.add(event.id);
  [1].forEach((item2_1_12) => {
    Promise.resolve(2).then(function (item2_2_12) {
      [3].forEach((item2_3_12) => {
        state1_12 += 1;
      });
    });
  });
  return { statusCode: 200 };
};
let state0_13;
let state1_13;
exports.handler13 = async (event, context) => {
  [1].forEach((item0_1_13) => {
    state0_13 ||= new Map();
    const alias0_13 = state0_13;
    alias0_13.set(event.id, Date.now());
  });
  state0_13 ||= new Map();
  const alias1_13 = state0_13;
  alias1_13.set(event.id, Date.now());
  state0_13 ||= new Map();
  state0_13.set(event.id, Date.now());
  return { statusCode: 200 };
};
function unrelated0_13(value) {
  return value + 1;
}
let state0_14 = 0;
let state1_14;
exports.handler14 = async (event, context) => {
  [1].forEach((item0_1_14) => {
    Promise.resolve(2).then(function (item0_2_14) {
      state0_14++;
    });
  });
  return { statusCode: 200 };
};
let state0_15 = new Set();
let state1_15 = '';
exports.handler15 = async (event, context) => {
  [1].forEach((item0_1_15) => {
    Promise.resolve(2).then(function (item0_2_15) {
      [3].forEach((item0_3_15) => {
        state1_15 += event.line;
      });
    });
  });
  state1_15 += event.line;
  [1].forEach((item2_1_15) => {
    Promise.resolve(2).then(function (item2_2_15) {
      [3].forEach((item2_3_15) => {
        state1_15 += event.line;
      });
    });
  });
  state0_15.add(event.id);
  return { statusCode: 200 };
};
let state0_16;
let state1_16;
let state2_16 = '';
function helper0_1_16(input0_1_16) {
  state2_16 += input0_1_16.line;
}
function helper1_1_16(input1_1_16) {
  helper1_2_16(input1_1_16);
}
function helper1_2_16(input1_2_16) {
  helper1_3_16(input1_2_16);
}
function helper1_3_16(input1_3_16) {
  state2_16 += input1_3_16.line;
}
exports.handler16 = async (event, context) => {
  helper0_1_16(event);
  helper1_1_16(event);
  console.log(typeof state0_16);
  return { statusCode: 200 };
};
const unrelated1_16 = [1, 2, 3].map((n) => n * 2);
let state0_17;
let state1_17 = {};
let state2_17;
exports.handler17 = async (event, context) => {
  state2_17 ??= {};
  Object.assign(state2_17, event.overrides);
  [1].forEach((item1_1_17) => {
    Promise.resolve(2).then(function (item1_2_17) {
      state0_17 ||= [];
      const alias1_17 = state0_17;
      alias1_17.unshift(event.id);
    });
  });
  return { statusCode: 200 };
};
let state0_18 = '';
function helper1_1_18(input1_1_18) {
  helper1_2_18(input1_1_18);
}
function helper1_2_18(input1_2_18) {
  state0_18 += input1_2_18.line;
}
exports.handler18 = async (event, context) => {
  state0_18 += event.line;
  helper1_1_18(event);
  state0_18 += event.line;
  return { statusCode: 200 };
};
function unrelated0_18(value) {
  return value + 1;
}
let state0_19 = '';
let state1_19 = 0;
function helper0_1_19(input0_1_19) {
  state0_19 += input0_1_19.line;
}
exports.handler19 = async (event, context) => {
  helper0_1_19(event);
  state1_19 += 1;
  [1].forEach((item2_1_19) => {
    Promise.resolve(2).then(function (item2_2_19) {
      state1_19 += 1;
    });
  });
  return { statusCode: 200 };
};
console.log('unrelated0_19', 0);
let state0_20 = 0;
exports.handler20 = async (event, context) => {
  state0_20 += 1;
  return { statusCode: 200 };
};
let state0_21;
let state1_21;
exports.handler21 = async (event, context) => {
  [1].forEach((item0_1_21) => {
    Promise.resolve(2).then(function (item0_2_21) {
      [3].forEach((item0_3_21) => {
        state1_21 ||= [];
        state1_21.unshift(event.id);
      });
    });
  });
  state1_21 ||= [];
  state1_21.unshift(event.id);
  state1_21 ||= [];
  state1_21.unshift(event.id);
  console.log(typeof state0_21);
  return { statusCode: 200 };
};
let state0_22;
let state1_22 = {};
function helper0_1_22(input0_1_22) {
  state0_22 ??= {};
  const alias0_22 = state0_22;
  alias0_22[input0_1_22.id] = true;
}
exports.handler22 = async (event, context) => {
  helper0_1_22(event);
  [1].forEach((item1_1_22) => {
    const alias1_22 = state1_22;
    Object.assign(alias1_22, event.overrides);
  });
  return { statusCode: 200 };
};
let state0_23 = '';
let state1_23;
let state2_23;
exports.handler23 = async (event, context) => {
  [1].forEach((item0_1_23) => {
    if (!state2_23) state2_23 = [];
    state2_23.unshift(event.id);
  });
  state1_23 ??= [];
  state1_23.unshift(event.id);
  return { statusCode: 200 };
};
let state0_24;
let state1_24;
let state2_24;
exports.handler24 = async (event, context) => {
  if (!state2_24) state2_24 = {};
  delete state2_24[event.id];
  [1].forEach((item1_1_24) => {
    Promise.resolve(2).then(function (item1_2_24) {
      if (!state2_24) state2_24 = {};
      Object.assign(state2_24, event.overrides);
    });
  });
  return { statusCode: 200 };
};
