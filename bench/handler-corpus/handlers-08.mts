let state0_0;
let state1_0;
let state2_0 = 0;
function helper0_1_0(input0_1_0) {
  helper0_2_0(input0_1_0);
}
function helper0_2_0(input0_2_0) {
  state0_0 ??= new Set();
  state0_0.add(input0_2_0.id);
}
function helper1_1_0(input1_1_0) {
  helper1_2_0(input1_1_0);
}
function helper1_2_0(input1_2_0) {
  helper1_3_0(input1_2_0);
}
function helper1_3_0(input1_3_0) {
  state1_0 ??= new Set();
  state1_0.add(input1_3_0.id);
}
function helper3_1_0(input3_1_0) {
  helper3_2_0(input3_1_0);
}
function helper3_2_0(input3_2_0) {
  helper3_3_0(input3_2_0);
}
function helper3_3_0(input3_3_0) {
  state0_0 ??= new Set();
  state0_0.add(input3_3_0.id);
}
export async function handler0(event, context) {
  helper0_1_0(event);
  helper1_1_0(event);
  state0_0 ??= new Set();
  state0_0.add(event.id);
  helper3_1_0(event);
  return { statusCode: 200 };
}
let state0_1 = 0;
let state1_1;
let state2_1;
function helper1_1_1(input1_1_1) {
  helper1_2_1(input1_1_1);
}
function helper1_2_1(input1_2_1) {
  helper1_3_1(input1_2_1);
}
function helper1_3_1(input1_3_1) {
  state0_1 += 1;
}
export async function handler1(event, context) {
  [1].forEach((item0_1_1) => {
    if (!state1_1) state1_1 = new Set();
    state1_1.add(event.id);
  });
  helper1_1_1(event);
  state0_1++;
  return { statusCode: 200 };
}
const unrelated0_1 = [1, 2, 3].map((n) => n * 2);
function unrelated1_1(value) {
  return value + 1;
}
let state0_2;
function helper0_1_2(input0_1_2) {
  helper0_2_2(input0_1_2);
}
function helper0_2_2(input0_2_2) {
  helper0_3_2(input0_2_2);
}
function helper0_3_2(input0_3_2) {
  if (!state0_2) state0_2 = [];
  state0_2 = [...state0_2, input0_3_2.id];
}
export async function handler2(event, context) {
  helper0_1_2(event);
  if (!state0_2) state0_2 = [];
  state0_2.unshift(event.id);
  [1].forEach((item2_1_2) => {
    Promise.resolve(2).then(function (item2_2_2) {
      [3].forEach((item2_3_2) => {
        if (!state0_2) state0_2 = [];
        state0_2 = [...state0_2, event.id];
      });
    });
  });
  [1].forEach((item3_1_2) => {
    Promise.resolve(2).then(function (item3_2_2) {
      if (!state0_2) state0_2 = [];
      state0_2 = [...state0_2, event.id];
    });
  });
  return { statusCode: 200 };
}
console.log('unrelated0_2', 0);
const unrelated1_2 = [1, 2, 3].map((n) => n * 2);
let state0_3 = new Map();
let state1_3 = {};
let state2_3 = '';
export async function handler3(event, context) {
  state2_3 += event.line;
  state2_3 += event.line;
  console.log(typeof state0_3);
  return { statusCode: 200 };
}
let state0_4 = new Set();
let state1_4 = {};
export async function handler4(event, context) {
  [1].forEach((item0_1_4) => {
    Promise.resolve(2).then(function (item0_2_4) {
      [3].forEach((item0_3_4) => {
        state1_4[event.id] = true;
      });
    });
  });
  state0_4.add(event.id);
  state0_4.add(event.id);
  return { statusCode: 200 };
}
let state0_5;
let state1_5 = [];
function helper0_1_5(input0_1_5) {
  helper0_2_5(input0_1_5);
}
function helper0_2_5(input0_2_5) {
  state1_5.push(input0_2_5.id);
}
function helper1_1_5(input1_1_5) {
  helper1_2_5(input1_1_5);
}
function helper1_2_5(input1_2_5) {
  helper1_3_5(input1_2_5);
}
function helper1_3_5(input1_3_5) {
  state1_5 = [...state1_5, input1_3_5.id];
}
export async function handler5(event, context) {
  helper0_1_5(event);
  helper1_1_5(event);
  [1].forEach((item2_1_5) => {
    const alias2_5 = state1_5;
    alias2_5.push(event.id);
  });
  [1].forEach((item3_1_5) => {
    Promise.resolve(2).then(function (item3_2_5) {
      state1_5.push(event.id);
    });
  });
  return { statusCode: 200 };
}
const unrelated0_5 = [1, 2, 3].map((n) => n * 2);
const unrelated1_5 = [1, 2, 3].map((n) => n * 2);
let state0_6 = new Map();
let state1_6;
let state2_6;
function helper2_1_6(input2_1_6) {
  helper2_2_6(input2_1_6);
}
function helper2_2_6(input2_2_6) {
  helper2_3_6(input2_2_6);
}
function helper2_3_6(input2_3_6) {
  state0_6.set(input2_3_6.id, Date.now());
}
function helper3_1_6(input3_1_6) {
  helper3_2_6(input3_1_6);
}
function helper3_2_6(input3_2_6) {
  if (!state1_6) state1_6 = {};
  state1_6[input3_2_6.id] = true;
}
export async function handler6(event, context) {
  [1].forEach((item0_1_6) => {
    Promise.resolve(2).then(function (item0_2_6) {
      state2_6 ||= new Set();
      const alias0_6 = state2_6;
      alias0_6.add(event.id);
    });
  });
  [1].forEach((item1_1_6) => {
    Promise.resolve(2).then(function (item1_2_6) {
      if (!state1_6) state1_6 = {};
      delete state1_6[event.id];
    });
  });
  helper2_1_6(event);
  helper3_1_6(event);
  return { statusCode: 200 };
}
function unrelated0_6(value) {
  return value + 1;
}
let state0_7;
let state1_7 = 0;
let state2_7 = {};
export async function handler7(event, context) {
  state1_7 += 1;
  [1].forEach((item1_1_7) => {
    Promise.resolve(2).then(function (item1_2_7) {
      state2_7.last = event.body;
    });
  });
  state1_7 += 1;
  console.log(typeof state0_7);
  return { statusCode: 200 };
}
let state0_8;
function helper1_1_8(input1_1_8) {
  helper1_2_8(input1_1_8);
}
function helper1_2_8(input1_2_8) {
  state0_8 ||= new Map();
  state0_8.set(input1_2_8.id, Date.now());
}
export async function handler8(event, context) {
  state0_8 ||= new Map();
  state0_8.set(event.id, Date.now());
  helper1_1_8(event);
  [1].forEach((item2_1_8) => {
    state0_8 ||= new Map();
    state0_8.set(event.id, Date.now());
  });
  return { statusCode: 200 };
}
let state0_9 = [];
function helper0_1_9(input0_1_9) {
  helper0_2_9(input0_1_9);
}
function helper0_2_9(input0_2_9) {
  state0_9 = [...state0_9, input0_2_9.id];
}
function helper1_1_9(input1_1_9) {
  helper1_2_9(input1_1_9);
}
function helper1_2_9(input1_2_9) {
  state0_9.unshift(input1_2_9.id);
}
export async function handler9(event, context) {
  helper0_1_9(event);
  helper1_1_9(event);
  [1].forEach((item2_1_9) => {
    Promise.resolve(2).then(function (item2_2_9) {
      [3].forEach((item2_3_9) => {
        state0_9 = [...state0_9, event.id];
      });
    });
  });
  console.log(typeof state0_9);
  return { statusCode: 200 };
}
const unrelated1_9 = new Map();
unrelated1_9.set('key', 1);
let state0_10;
let state1_10 = new Set();
let state2_10 = [];
function helper0_1_10(input0_1_10) {
  helper0_2_10(input0_1_10);
}
function helper0_2_10(input0_2_10) {
  const alias0_10 = state2_10;
  alias0_10.unshift(input0_2_10.id);
}
function helper1_1_10(input1_1_10) {
  helper1_2_10(input1_1_10);
}
function helper1_2_10(input1_2_10) {
  state0_10 ||= {};
  Object.assign(state0_10, input1_2_10.overrides);
}
function helper3_1_10(input3_1_10) {
  helper3_2_10(input3_1_10);
}
function helper3_2_10(input3_2_10) {
  helper3_3_10(input3_2_10);
}
function helper3_3_10(input3_3_10) {
  state2_10 = [...state2_10, input3_3_10.id];
}
export async function handler10(event, context) {
  helper0_1_10(event);
  helper1_1_10(event);
  [1].forEach((item2_1_10) => {
    Promise.resolve(2).then(function (item2_2_10) {
      [3].forEach((item2_3_10) => {
        state0_10 ||= {};
        state0_10.last = event.body;
      });
    });
  });
  helper3_1_10(event);
  return { statusCode: 200 };
}
const unrelated0_10 = new Map();
unrelated0_10.set('key', 0);
let state0_11 = [];
let state1_11 = '';
let state2_11 = new Set();
function helper0_1_11(input0_1_11) {
  helper0_2_11(input0_1_11);
}
function helper0_2_11(input0_2_11) {
  helper0_3_11(input0_2_11);
}
function helper0_3_11(input0_3_11) {
  const alias0_11 = state2_11;
  alias0_11.add(input0_3_11.id);
}
function helper1_1_11(input1_1_11) {
  helper1_2_11(input1_1_11);
}
function helper1_2_11(input1_2_11) {
  helper1_3_11(input1_2_11);
}
function helper1_3_11(input1_3_11) {
  const alias1_11 = state2_11;
  alias1_11.add(input1_3_11.id);
}
function helper3_1_11(input3_1_11) {
  helper3_2_11(input3_1_11);
}
function helper3_2_11(input3_2_11) {
  helper3_3_11(input3_2_11);
}
function helper3_3_11(input3_3_11) {
  state0_11 = [...state0_11, input3_3_11.id];
}
export async function handler11(event, context) {
  helper0_1_11(event);
  helper1_1_11(event);
  [1].forEach((item2_1_11) => {
    state2_11.add(event.id);
  });
  helper3_1_11(event);
  return { statusCode: 200 };
}
const unrelated0_11 = [1, 2, 3].map((n) => n * 2);
let state0_12;
function helper0_1_12(input0_1_12) {
  helper0_2_12(input0_1_12);
}
function helper0_2_12(input0_2_12) {
  helper0_3_12(input0_2_12);
}
function helper0_3_12(input0_3_12) {
  state0_12 ??= new Set();
  state0_12.add(input0_3_12.id);
}
export async function handler12(event, context) {
  helper0_1_12(event);
  return { statusCode: 200 };
}
let state0_13 = new Set();
function helper0_1_13(input0_1_13) {
  helper0_2_13(input0_1_13);
}
function helper0_2_13(input0_2_13) {
  const alias0_13 = state0_13;
  alias0_13.add(input0_2_13.id);
}
export async function handler13(event, context) {
  helper0_1_13(event);
  state0_13.add(event.id);
  return { statusCode: 200 };
}
const unrelated0_13 = [1, 2, 3].map((n) => n * 2);
let state0_14 = 0;
let state1_14 = [];
function helper0_1_14(input0_1_14) {
  helper0_2_14(input0_1_14);
}
function helper0_2_14(input0_2_14) {
  state1_14.unshift(input0_2_14.id);
}
export async function handler14(event, context) {
  helper0_1_14(event);
  [1].forEach((item1_1_14) => {
    state0_14 += 1;
  });
  state1_14.push(event.id);
  return { statusCode: 200 };
}
let state0_15 = {};
let state1_15 = 0;
function helper0_1_15(input0_1_15) {
  helper0_2_15(input0_1_15);
}
function helper0_2_15(input0_2_15) {
  delete state0_15[input0_2_15.id];
}
export async function handler15(event, context) {
  helper0_1_15(event);
  return { statusCode: 200 };
}
console.log('unrelated0_15', 0);
function unrelated1_15(value) {
  return value + 1;
}
let state0_16;
let state1_16 = new Map();
function helper0_1_16(input0_1_16) {
  if (!state0_16) state0_16 = {};
  state0_16[input0_1_16.id] = true;
}
export async function handler16(event, context) {
  helper0_1_16(event);
  if (!state0_16) state0_16 = {};
  const alias1_16 = state0_16;
  alias1_16.last = event.body;
  [1].forEach((item2_1_16) => {
    Promise.resolve(2).then(function (item2_2_16) {
      if (!state0_16) state0_16 = {};
      const alias2_16 = state0_16;
      alias2_16[event.id] = true;
    });
  });
  return { statusCode: 200 };
}
