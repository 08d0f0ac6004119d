let state0_0;
export const handler0 = async (event, context) => {
  [1].forEach((item0_1_0) => {
    Promise.resolve(2).then(function (item0_2_0) {
      [3].forEach((item0_3_0) => {
        if (!state0_0) state0_0 = {};
        state0_0.last = event.body;
      });
    });
  });
  [1].forEach((item1_1_0) => {
    Promise.resolve(2).then(function (item1_2_0) {
      [3].forEach((item1_3_0) => {
        if (!state0_0) state0_0 = {};
        const alias1_0 = state0_0;
        alias1_0[event.id] = true;
      });
    });
  });
  return { statusCode: 200 };
};
let state0_1;
let state1_1 = {};
let state2_1 = [];
function helper1_1_1(input1_1_1) {
  helper1_2_1(input1_1_1);
}
function helper1_2_1(input1_2_1) {
  if (!state0_1) state0_1 = {};
  const alias1_1 = state0_1;
  alias1_1[input1_2_1.id] = true;
}
export const handler1 = async (event, context) => {
  Object.assign(state1_1, event.overrides);
  helper1_1_1(event);
  state2_1.push(event.id);
  if (!state0_1) state0_1 = {};
  const alias3_1 = state0_1;
  delete alias3_1[event.id];
  console.log(typeof state1_1);
  return { statusCode: 200 };
};
const unrelated0_1 = new Map();
unrelated0_1.set('key', 0);
let state0_2 = 0;
export const handler2 = async (event, context) => {
  state0_2++;
  state0_2 += 1;
  return { statusCode: 200 };
};
let state0_3;
let state1_3 = new Map();
let state2_3;
export const handler3 = async (event, context) => {
  [1].forEach((item0_1_3) => {
    if (!state0_3) state0_3 = [];
    state0_3 = [...state0_3, event.id];
  });
  state2_3 ??= new Set();
  state2_3.add(event.id);
  [1].forEach((item2_1_3) => {
    Promise.resolve(2).then(function (item2_2_3) {
      [3].forEach((item2_3_3) => {
        state2_3 ??= new Set();
        state2_3.add(event.id);
      });
    });
  });
  [1].forEach((item3_1_3) => {
    Promise.resolve(2).then(function (item3_2_3) {
      state2_3 ??= new Set();
      state2_3.add(event.id);
    });
  });
  return { statusCode: 200 };
};
let state0_4;
let state1_4 = '';
function helper2_1_4(input2_1_4) {
  helper2_2_4(input2_1_4);
}
function helper2_2_4(input2_2_4) {
  helper2_3_4(input2_2_4);
}
function helper2_3_4(input2_3_4) {
  state1_4 += input2_3_4.line;
}
export const handler4 = async (event, context) => {
  [1].forEach((item0_1_4) => {
    Promise.resolve(2).then(function (item0_2_4) {
      state1_4 += event.line;
    });
  });
  state1_4 += event.line;
  helper2_1_4(event);
  return { statusCode: 200 };
};
const unrelated0_4 = [1, 2, 3].map((n) => n * 2);
let state0_5 = '';
let state1_5 = [];
let state2_5 = '';
function helper1_1_5(input1_1_5) {
  helper1_2_5(input1_1_5);
}
function helper1_2_5(input1_2_5) {
  state2_5 += input1_2_5.line;
}
export const handler5 = async (event, context) => {
  [1].forEach((item0_1_5) => {
    state2_5 += event.line;
  });
  helper1_1_5(event);
  state1_5.push(event.id);
  state0_5 += event.line;
  return { statusCode: 200 };
};
console.log('unrelated0_5', 0);
console.log('unrelated1_5', 1);
let state0_6 = '';
function helper0_1_6(input0_1_6) {
  helper0_2_6(input0_1_6);
}
function helper0_2_6(input0_2_6) {
  helper0_3_6(input0_2_6);
}
function helper0_3_6(input0_3_6) {
  state0_6 += input0_3_6.line;
}
function helper1_1_6(input1_1_6) {
  helper1_2_6(input1_1_6);
}
function helper1_2_6(input1_2_6) {
  helper1_3_6(input1_2_6);
}
function helper1_3_6(input1_3_6) {
  state0_6 += input1_3_6.line;
}
export const handler6 = async (event, context) => {
  helper0_1_6(event);
  helper1_1_6(event);
  console.log(typeof state0_6);
  return { statusCode: 200 };
};
console.log('unrelated1_6', 1);
let state0_7 = new Map();
let state1_7;
let state2_7 = '';
export const handler7 = async (event, context) => {
  [1].forEach((item0_1_7) => {
    Promise.resolve(2).then(function (item0_2_7) {
      state0_7.set(event.id, Date.now());
    });
  });
  [1].forEach((item1_1_7) => {
    Promise.resolve(2).then(function (item1_2_7) {
      state1_7 ??= new Map();
      const alias1_7 = state1_7;
      alias1_7.set(event.id, Date.now());
    });
  });
  return { statusCode: 200 };
};
let state0_8;
export const handler8 = async (event, context) => {
  state0_8 ??= new Set();
  const alias0_8 = state0_8;
  alias0_8.add(event.id);
  state0_8 ??= new Set();
  state0_8.add(event.id);
  [1].forEach((item2_1_8) => {
    state0_8 ??= new Set();
    const alias2_8 = state0_8;
    alias2_8.add(event.id);
  });
  return { statusCode: 200 };
};
let state0_9 = 0;
let state1_9 = '';
let state2_9 = 0;
function helper1_1_9(input1_1_9) {
  helper1_2_9(input1_1_9);
}
function helper1_2_9(input1_2_9) {
  state1_9 += input1_2_9.line;
}
function helper3_1_9(input3_1_9) {
  helper3_2_9(input3_1_9);
}
function helper3_2_9(input3_2_9) {
  helper3_3_9(input3_2_9);
}
function helper3_3_9(input3_3_9) {
  state1_9 += input3_3_9.line;
}
export const handler9 = async (event, context) => {
  state2_9 += 1;
  helper1_1_9(event);
  state2_9++;
  helper3_1_9(event);
  console.log(typeof state0_9);
  return { statusCode: 200 };
};
let state0_10 = '';
let state1_10;
let state2_10;
function helper1_1_10(input1_1_10) {
  if (!state1_10) state1_10 = {};
  delete state1_10[input1_1_10.id];
}
export const handler10 = async (event, context) => {
  state0_10 += event.line;
  helper1_1_10(event);
  console.log(typeof state0_10);
  return { statusCode: 200 };
};
function unrelated1_10(value) {
  return value + 1;
}
let state0_11 = '';
let state1_11 = 0;
function helper0_1_11(input0_1_11) {
  helper0_2_11(input0_1_11);
}
function helper0_2_11(input0_2_11) {
  helper0_3_11(input0_2_11);
}
function helper0_3_11(input0_3_11) {
  state0_11 += input0_3_11.line;
}
export const handler11 = async (event, context) => {
  helper0_1_11(event);
  state1_11 += 1;
  [1].forEach((item2_1_11) => {
    state1_11 += 1;
  });
  return { statusCode: 200 };
};
const unrelated0_11 = [1, 2, 3].map((n) => n * 2);
const unrelated1_11 = [1, 2, 3].map((n) => n * 2);
let state0_12 = '';
let state1_12 = 0;
export const handler12 = async (event, context) => {
  state0_12 += event.line;
  [1].forEach((item1_1_12) => {
    Promise.resolve(2).then(function (item1_2_12) {
      [3].forEach((item1_3_12) => {
        state1_12 += 1;
      });
    });
  });
  state0_12 += event.line;
  state0_12 += event.line;
  return { statusCode: 200 };
};
let state0_13 = '';
let state1_13 = '';
let state2_13 = 0;
function helper1_1_13(input1_1_13) {
  helper1_2_13(input1_1_13);
}
function helper1_2_13(input1_2_13) {
  helper1_3_13(input1_2_13);
}
function helper1_3_13(input1_3_13) {
  state0_13 += input1_3_13.line;
}
export const handler13 = async (event, context) => {
  state2_13++;
  helper1_1_13(event);
  state2_13++;
  [1].forEach((item3_1_13) => {
    state1_13 += event.line;
  });
  return { statusCode: 200 };
};
console.log('unrelated0_13', 0);
function unrelated1_13(value) {
  return value + 1;
}
let state0_14 = new Map();
let state1_14 = '';
let state2_14 = 0;
function helper1_1_14(input1_1_14) {
  helper1_2_14(input1_1_14);
}
function helper1_2_14(input1_2_14) {
  state0_14.set(input1_2_14.id, Date.now());
}
export const handler14 = async (event, context) => {
  [1].forEach((item0_1_14) => {
    Promise.resolve(2).then(function (item0_2_14) {
      [3].forEach((item0_3_14) => {
        state2_14++;
      });
    });
  });
  helper1_1_14(event);
  return { statusCode: 200 };
};
console.log('unrelated0_14', 0);
let state0_15 = new Set();
let state1_15;
function helper1_1_15(input1_1_15) {
  state1_15 ||= {};
  Object.assign(state1_15, input1_1_15.overrides);
}
function helper2_1_15(input2_1_15) {
  helper2_2_15(input2_1_15);
}
function helper2_2_15(input2_2_15) {
  helper2_3_15(input2_2_15);
}
function helper2_3_15(input2_3_15) {
  state0_15.add(input2_3_15.id);
}
function helper3_1_15(input3_1_15) {
  state1_15 ||= {};
  state1_15[input3_1_15.id] = true;
}
export const handler15 = async (event, context) => {
  state1_15 ||= {};
  Object.assign(state1_15, event.overrides);
  helper1_1_15(event);
  helper2_1_15(event);
  helper3_1_15(event);
  return { statusCode: 200 };
};
function unrelated0_15(value) {
  return value + 1;
}
const unrelated1_15 = new Map();
unrelated1_15.set('key', 1);
let state0_16;
export const handler16 = async (event, context) => {
  state0_16 ||= new Set();
  const alias0_16 = state0_16;
  alias0_16.add(event.id);
  state0_16 ||= new Set();
  state0_16.add(event.id);
  return { statusCode: 200 };
};
const unrelated0_16 = new Map();
unrelated0_16.set('key', 0);
let state0_17 = '';
export const handler17 = async (event, context) => {
  [1].forEach((item0_1_17) => {
    Promise.resolve(2).then(function (item0_2_17) {
      [3].forEach((item0_3_17) => {
        state0_17 += event.line;
      });
    });
  });
  [1].forEach((item1_1_17) => {
    Promise.resolve(2).then(function (item1_2_17) {
      [3].forEach((item1_3_17) => {
        state0_17 += event.line;
      });
    });
  });
  return { statusCode: 200 };
};
function unrelated0_17(value) {
  return value + 1;
}
let state0_18;
let state1_18 = '';
let state2_18;
function helper1_1_18(input1_1_18) {
  state1_18 += input1_1_18.line;
}
function helper2_1_18(input2_1_18) {
  helper2_2_18(input2_1_18);
}
function helper2_2_18(input2_2_18) {
  helper2_3_18(input2_2_18);
}
function helper2_3_18(input2_3_18) {
  state0_18 ??= [];
  state0_18.push(input2_3_18.id);
}
export const handler18 = async (event, context) => {
  [1].forEach((item0_1_18) => {
    Promise.resolve(2).then(function (item0_2_18) {
      [3].forEach((item0_3_18) => {
        state2_18 ||= {};
        delete state2_18[event.id];
      });
    });
  });
  helper1_1_18(event);
  helper2_1_18(event);
  state1_18 += event.line;
  return { statusCode: 200 };
};
let state0_19 = 0;
let state1_19 = '';
function helper0_1_19(input0_1_19) {
  state0_19++;
}
function helper1_1_19(input1_1_19) {
  helper1_2_19(input1_1_19);
}
function helper1_2_19(input1_2_19) {
  helper1_3_19(input1_2_19);
}
function helper1_3_19(input1_3_19) {
  state0_19++;
}
export const handler19 = async (event, context) => {
  helper0_1_19(event);
  helper1_1_19(event);
  console.log(typeof state1_19);
  return { statusCode: 200 };
};
console.log('unrelated0_19', 0);
