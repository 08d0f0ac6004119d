let state0_0 = '';
function helper0_1_0(input0_1_0) {
  state0_0 += input0_1_0.line;
}
function helper2_1_0(input2_1_0) {
  helper2_2_0(input2_1_0);
}
function helper2_2_0(input2_2_0) {
  helper2_3_0(input2_2_0);
}
function helper2_3_0(input2_3_0) {
  state0_0 += input2_3_0.line;
}
export const handler0 = async (event, context) => {
  helper0_1_0(event);
  state0_0 += event.line;
  helper2_1_0(event);
  return { statusCode: 200 };
};
let state0_1 = new Map();
let state1_1 = '';
let state2_1 = 0;
function helper0_1_1(input0_1_1) {
  state0_1.set(input0_1_1.id, Date.now());
}
function helper1_1_1(input1_1_1) {
  helper1_2_1(input1_1_1);
}
function helper1_2_1(input1_2_1) {
  const alias1_1 = state0_1;
  alias1_1.set(input1_2_1.id, Date.now());
}
function helper2_1_1(input2_1_1) {
  helper2_2_1(input2_1_1);
}
function helper2_2_1(input2_2_1) {
  state1_1 += input2_2_1.line;
}
export const handler1 = async (event, context) => {
  helper0_1_1(event);
  helper1_1_1(event);
  helper2_1_1(event);
  console.log(typeof state0_1);
  return { statusCode: 200 };
};
const unrelated1_1 = [1, 2, 3].map((n) => n * 2);
let state0_2;
let state1_2;
let state2_2 = '';
function helper1_1_2(input1_1_2) {
  helper1_2_2(input1_1_2);
}
function helper1_2_2(input1_2_2) {
  state0_2 ??= {};
  Object.assign(state0_2, input1_2_2.overrides);
}
export const handler2 = async (event, context) => {
  [1].forEach((item0_1_2) => {
    state2_2 += event.line;
  });
  helper1_1_2(event);
  return { statusCode: 200 };
};
const unrelated0_2 = [1, 2, 3].map((n) => n * 2);
const unrelated1_2 = new Map();
unrelated1_2.set('key', 1);
let state0_3 = '';
let state1_3 = '';
let state2_3 = [];
function helper0_1_3(input0_1_3) {
  helper0_2_3(input0_1_3);
}
function helper0_2_3(input0_2_3) {
  state1_3 += input0_2_3.line;
}
function helper3_1_3(input3_1_3) {
  helper3_2_3(input3_1_3);
}
function helper3_2_3(input3_2_3) {
  helper3_3_3(input3_2_3);
}
function helper3_3_3(input3_3_3) {
  state1_3 += input3_3_3.line;
}
export const handler3 = async (event, context) => {
  helper0_1_3(event);
  [1].forEach((item1_1_3) => {
    Promise.resolve(2).then(function (item1_2_3) {
      state2_3.push(event.id);
    });
  });
  [1].forEach((item2_1_3) => {
    Promise.resolve(2).then(function (item2_2_3) {
      [3].forEach((item2_3_3) => {
        state0_3 += event.line;
      });
    });
  });
  helper3_1_3(event);
  return { statusCode: 200 };
};
let state0_4;
let state1_4 = '';
let state2_4 = '';
function helper3_1_4(input3_1_4) {
  helper3_2_4(input3_1_4);
}
function helper3_2_4(input3_2_4) {
  if (!state0_4) state0_4 = {};
  state0_4.last = input3_2_4.body;
}
export const handler4 = async (event, context) => {
  [1].forEach((item0_1_4) => {
    Promise.resolve(2).then(function (item0_2_4) {
      [3].forEach((item0_3_4) => {
        state2_4 += event.line;
      });
    });
  });
  state2_4 += event.line;
  state2_4 += event.line;
  helper3_1_4(event);
  return { statusCode: 200 };
};
const unrelated0_4 = new Map();
unrelated0_4.set('key', 0);
console.log('unrelated1_4', 1);
let state0_5;
function helper0_1_5(input0_1_5) {
  helper0_2_5(input0_1_5);
}
function helper0_2_5(input0_2_5) {
  if (!state0_5) state0_5 = new Set();
  const alias0_5 = state0_5;
  alias0_5.add(input0_2_5.id);
}
export const handler5 = async (event, context) => {
  helper0_1_5(event);
  if (!state0_5) state0_5 = new Set();
  const alias1_5 = state0_5;
  alias1_5.add(event.id);
  return { statusCode: 200 };
};
const unrelated0_5 = [1, 2, 3].map((n) => n * 2);
let state0_6;
function helper0_1_6(input0_1_6) {
  helper0_2_6(input0_1_6);
}
function helper0_2_6(input0_2_6) {
  helper0_3_6(input0_2_6);
}
function helper0_3_6(input0_3_6) {
  state0_6 ||= new Map();
  const alias0_6 = state0_6;
  alias0_6.set(input0_3_6.id, Date.now());
}
export const handler6 = async (event, context) => {
  helper0_1_6(event);
  return { statusCode: 200 };
};
let state0_7;
function helper1_1_7(input1_1_7) {
  helper1_2_7(input1_1_7);
}
function helper1_2_7(input1_2_7) {
  state0_7 ??= [];
  state0_7.push(input1_2_7.id);
}
export const handler7 = async (event, context) => {
  state0_7 ??= [];
  state0_7.push(event.id);
  helper1_1_7(event);
  state0_7 ??= [];
  state0_7 = [...state0_7, event.id];
  return { statusCode: 200 };
};
let state0_8 = 0;
let state1_8 = '';
let state2_8 = {};
function helper1_1_8(input1_1_8) {
  state0_8++;
}
function helper2_1_8(input2_1_8) {
  helper2_2_8(input2_1_8);
}
function helper2_2_8(input2_2_8) {
  state2_8[input2_2_8.id] = true;
}
export const handler8 = async (event, context) => {
  [1].forEach((item0_1_8) => {
    Promise.resolve(2).then(function (item0_2_8) {
      state0_8++;
    });
  });
  helper1_1_8(event);
  helper2_1_8(event);
  return { statusCode: 200 };
};
let state0_9;
let state1_9 = '';
let state2_9 = new Set();
function helper0_1_9(input0_1_9) {
  helper0_2_9(input0_1_9);
}
function helper0_2_9(input0_2_9) {
  helper0_3_9(input0_2_9);
}
function helper0_3_9(input0_3_9) {
  state0_9 ||= [];
  state0_9 = [...state0_9, input0_3_9.id];
}
function helper1_1_9(input1_1_9) {
  helper1_2_9(input1_1_9);
}
function helper1_2_9(input1_2_9) {
  state2_9.add(input1_2_9.id);
}
export const handler9 = async (event, context) => {
  helper0_1_9(event);
  helper1_1_9(event);
  [1].forEach((item2_1_9) => {
    Promise.resolve(2).then(function (item2_2_9) {
      state0_9 ||= [];
      state0_9 = [...state0_9, event.id];
    });
  });
  return { statusCode: 200 };
};
console.log('unrelated0_9', 0);
let state0_10;
let state1_10 = '';
let state2_10;
function helper2_1_10(input2_1_10) {
  helper2_2_10(input2_1_10);
}
function helper2_2_10(input2_2_10) {
  state1_10 += input2_2_10.line;
}
export const handler10 = async (event, context) => {
  state0_10 ??= [];
  state0_10.unshift(event.id);
  state0_10 ??= [];
  state0_10 = [...state0_10, event.id];
  helper2_1_10(event);
  state2_10 ||= new Map();
  state2_10.set(event.id, Date.now());
  return { statusCode: 200 };
};
let state0_11 = 0;
let state1_11 = {};
let state2_11 = '';
export const handler11 = async (event, context) => {
  state0_11++;
  return { statusCode: 200 };
};
let state0_12;
let state1_12 = '';
let state2_12 = 0;
export const handler12 = async (event, context) => {
  state2_12 += 1;
  return { statusCode: 200 };
};
let state0_13 = '';
function helper2_1_13(input2_1_13) {
  helper2_2_13(input2_1_13);
}
function helper2_2_13(input2_2_13) {
  helper2_3_13(input2_2_13);
}
function helper2_3_13(input2_3_13) {
  state0_13 += input2_3_13.line;
}
function helper3_1_13(input3_1_13) {
  helper3_2_13(input3_1_13);
}
function helper3_2_13(input3_2_13) {
  state0_13 += input3_2_13.line;
}
export const handler13 = async (event, context) => {
  [1].forEach((item0_1_13) => {
    Promise.resolve(2).then(function (item0_2_13) {
      state0_13 += event.line;
    });
  });
  [1].forEach((item1_1_13) => {
    Promise.resolve(2).then(function (item1_2_13) {
      state0_13 += event.line;
    });
  });
  helper2_1_13(event);
  helper3_1_13(event);
  return { statusCode: 200 };
};
const unrelated0_13 = [1, 2, 3].map((n) => n * 2);
let state0_14 = new Map();
let state1_14 = '';
function helper0_1_14(input0_1_14) {
  const alias0_14 = state0_14;
  alias0_14.set(input0_1_14.id, Date.now());
}
export const handler14 = async (event, context) => {
  helper0_1_14(event);
  [1].forEach((item1_1_14) => {
    Promise.resolve(2).then(function (item1_2_14) {
      [3].forEach((item1_3_14) => {
        state0_14.set(event.id, Date.now());
      });
    });
  });
  return { statusCode: 200 };
};
const unrelated0_14 = [1, 2, 3].map((n) => n * 2);
const unrelated1_14 = [1, 2, 3].map((n) => n * 2);
let state0_15 = [];
let state1_15;
export const handler15 = async (event, context) => {
  state0_15 = [...state0_15, event.id];
  [1].forEach((item1_1_15) => {
    Promise.resolve(2).then(function (item1_2_15) {
      state1_15 ??= new Set();
      state1_15.add(event.id);
    });
  });
  [1].forEach((item2_1_15) => {
    Promise.resolve(2).then(function (item2_2_15) {
      state0_15.push(event.id);
    });
  });
  const alias3_15 = state0_15;
  alias3_15.unshift(event.id);
  return { statusCode: 200 };
};
let state0_16 = '';
function helper3_1_16(input3_1_16) {
  state0_16 += input3_1_16.line;
}
export const handler16 = async (event, context) => {
  state0_16 += event.line;
  [1].forEach((item1_1_16) => {
    Promise.resolve(2).then(function (item1_2_16) {
      [3].forEach((item1_3_16) => {
        state0_16 += event.line;
      });
    });
  });
  state0_16 += event.line;
  helper3_1_16(event);
  return { statusCode: 200 };
};
const unrelated0_16 = new Map();
unrelated0_16.set('key', 0);
console.log('unrelated1_16', 1);
let state0_17 = new Set();
let state1_17;
let state2_17 = '';
function helper1_1_17(input1_1_17) {
  helper1_2_17(input1_1_17);
}
function helper1_2_17(input1_2_17) {
  state0_17.add(input1_2_17.id);
}
export const handler17 = async (event, context) => {
  state0_17.add(event.id);
  helper1_1_17(event);
  state1_17 ||= new Map();
  state1_17.set(event.id, Date.now());
  state2_17 += event.line;
  return { statusCode: 200 };
};
const unrelated0_17 = [1, 2, 3].map((n) => n * 2);
let state0_18 = '';
let state1_18 = new Set();
function helper0_1_18(input0_1_18) {
  helper0_2_18(input0_1_18);
}
function helper0_2_18(input0_2_18) {
  state1_18.add(input0_2_18.id);
}
function helper1_1_18(input1_1_18) {
  helper1_2_18(input1_1_18);
}
function helper1_2_18(input1_2_18) {
  state0_18 += input1_2_18.line;
}
export const handler18 = async (event, context) => {
  helper0_1_18(event);
  helper1_1_18(event);
  return { statusCode: 200 };
};
console.log('unrelated0_18', 0);
function unrelated1_18(value) {
  return value + 1;
}
let state0_19;
let state1_19;
let state2_19;
export const handler19 = async (event, context) => {
  if (!state2_19) state2_19 = {};
  const alias0_19 = state2_19;
  alias0_19.last = event.body;
  return { statusCode: 200 };
};
