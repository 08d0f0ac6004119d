let state0_0 = '';
let state1_0;
let state2_0 = 0;
export async function handler0(event, context) {
  [1].forEach((item0_1_0) => {
    Promise.resolve(2).then(function (item0_2_0) {
      state0_0 += event.line;
    });
  });
  [1].forEach((item1_1_0) => {
    Promise.resolve(2).then(function (item1_2_0) {
      [3].forEach((item1_3_0) => {
        state2_0++;
      });
    });
  });
  return { statusCode: 200 };
}
let state0_1;
let state1_1 = '';
export async function handler1(event, context) {
  [1].forEach((item0_1_1) => {
    state1_1 += event.line;
  });
  [1].forEach((item1_1_1) => {
    Promise.resolve(2).then(function (item1_2_1) {
      state1_1 += event.line;
    });
  });
  state0_1 ??= [];
  state0_1 = [...state0_1, event.id];
  return { statusCode: 200 };
}
let state0_2 = [];
let state1_2 = 0;
let state2_2;
export async function handler2(event, context) {
  const alias0_2 = state0_2;
  alias0_2.unshift(event.id);
  [1].forEach((item1_1_2) => {
    Promise.resolve(2).then(function (item1_2_2) {
      [3].forEach((item1_3_2) => {
        state0_2.unshift(event.id);
      });
    });
  });
  state0_2 = [...state0_2, event.id];
  state0_2.unshift(event.id);
  return { statusCode: 200 };
}
let state0_3;
let state1_3;
function helper0_1_3(input0_1_3) {
  helper0_2_3(input0_1_3);
}
function helper0_2_3(input0_2_3) {
  state0_3 ||= new Map();
  state0_3.set(input0_2_3.id, Date.now());
}
export async function handler3(event, context) {
  helper0_1_3(event);
  return { statusCode: 200 };
}
function unrelated0_3(value) {
  return value + 1;
}
let state0_4 = new Map();
let state1_4 = '';
let state2_4 = 0;
function helper0_1_4(input0_1_4) {
  helper0_2_4(input0_1_4);
}
function helper0_2_4(input0_2_4) {
  state2_4++;
}
function helper1_1_4(input1_1_4) {
  state2_4 += 1;
}
export async function handler4(event, context) {
  helper0_1_4(event);
  helper1_1_4(event);
  [1].forEach((item2_1_4) => {
    state2_4++;
  });
  state2_4 += 1;
  return { statusCode: 200 };
}
const unrelated0_4 = new Map();
unrelated0_4.set('key', 0);
let state0_5;
let state1_5;
let state2_5 = new Set();
export async function handler5(event, context) {
  [1].forEach((item0_1_5) => {
    const alias0_5 = state2_5;
    alias0_5.add(event.id);
  });
  [1].forEach((item1_1_5) => {
    Promise.resolve(2).then(function (item1_2_5) {
      [3].forEach((item1_3_5) => {
        if (!state0_5) state0_5 = [];
        state0_5.push(event.id);
      });
    });
  });
  return { statusCode: 200 };
}
function unrelated0_5(value) {
  return value + 1;
}
let state0_6;
function helper0_1_6(input0_1_6) {
  helper0_2_6(input0_1_6);
}
function helper0_2_6(input0_2_6) {
  if (!state0_6) state0_6 = {};
  const alias0_6 = state0_6;
  alias0_6[input0_2_6.id] = true;
}
function helper1_1_6(input1_1_6) {
  helper1_2_6(input1_1_6);
}
function helper1_2_6(input1_2_6) {
  if (!state0_6) state0_6 = {};
  const alias1_6 = state0_6;
  Object.assign(alias1_6, input1_2_6.overrides);
}
export async function handler6(event, context) {
  helper0_1_6(event);
  helper1_1_6(event);
  [1].forEach((item2_1_6) => {
    Promise.resolve(2).then(function (item2_2_6) {
      if (!state0_6) state0_6 = {};
      delete state0_6[event.id];
    });
  });
  if (!state0_6) state0_6 = {};
  delete state0_6[event.id];
  return { statusCode: 200 };
}
let state0_7 = '';
let state1_7 = '';
let state2_7;
export async function handler7(event, context) {
  [1].forEach((item0_1_7) => {
    Promise.resolve(2).then(function (item0_2_7) {
      [3].forEach((item0_3_7) => {
        state0_7 += event.line;
      });
    });
  });
  return { statusCode: 200 };
}
let state0_8 = 0;
let state1_8 = 0;
let state2_8 = new Map();
function helper0_1_8(input0_1_8) {
  helper0_2_8(input0_1_8);
}
function helper0_2_8(input0_2_8) {
  helper0_3_8(input0_2_8);
}
function helper0_3_8(input0_3_8) {
  const alias0_8 = state2_8;
  alias0_8.set(input0_3_8.id, Date.now());
}
function helper2_1_8(input2_1_8) {
  helper2_2_8(input2_1_8);
}
function helper2_2_8(input2_2_8) {
  helper2_3_8(input2_2_8);
}
function helper2_3_8(input2_3_8) {
  state0_8 += 1;
}
export async function handler8(event, context) {
  helper0_1_8(event);
  state1_8++;
  helper2_1_8(event);
  return { statusCode: 200 };
}
let state0_9;
let state1_9;
let state2_9;
function helper0_1_9(input0_1_9) {
  state1_9 ??= [];
  state1_9 = [...state1_9, input0_1_9.id];
}
export async function handler9(event, context) {
  helper0_1_9(event);
  return { statusCode: 200 };
}
let state0_10;
function helper0_1_10(input0_1_10) {
  state0_10 ||= [];
  const alias0_10 = state0_10;
  alias0_10.unshift(input0_1_10.id);
}
function helper1_1_10(input1_1_10) {
  helper1_2_10(input1_1_10);
}
function helper1_2_10(input1_2_10) {
  state0_10 ||= [];
  const alias1_10 = state0_10;
  alias1_10.unshift(input1_2_10.id);
}
export async function handler10(event, context) {
  helper0_1_10(event);
  helper1_1_10(event);
  state0_10 ||= [];
  state0_10 = [...state0_10, event.id];
  return { statusCode: 200 };
}
const unrelated0_10 = new Map();
unrelated0_10.set('key', 0);
let state0_11 = 0;
let state1_11;
export async function handler11(event, context) {
  state0_11++;
  return { statusCode: 200 };
}
let state0_12 = 0;
export async function handler12(event, context) {
  [1].forEach((item0_1_12) => {
    Promise.resolve(2).then(function (item0_2_12) {
      state0_12++;
    });
  });
  state0_12 += 1;
  return { statusCode: 200 };
}
const unrelated0_12 = [1, 2, 3].map((n) => n * 2);
let state0_13;
function helper0_1_13(input0_1_13) {
  helper0_2_13(input0_1_13);
}
function helper0_2_13(input0_2_13) {
  helper0_3_13(input0_2_13);
}
function helper0_3_13(input0_3_13) {
  state0_13 ||= new Map();
  state0_13.set(input0_3_13.id, Date.now());
}
export async function handler13(event, context) {
  helper0_1_13(event);
  state0_13 ||= new Map();
  state0_13.set(event.id, Date.now());
  state0_13 ||= new Map();
  state0_13.set(event.id, Date.now());
  return { statusCode: 200 };
}
let state0_14 = [];
let state1_14 = new Map();
let state2_14 = [];
function helper0_1_14(input0_1_14) {
  state2_14 = [...state2_14, input0_1_14.id];
}
export async function handler14(event, context) {
  helper0_1_14(event);
  return { statusCode: 200 };
}
let state0_15 = '';
let state1_15;
function helper0_1_15(input0_1_15) {
  helper0_2_15(input0_1_15);
}
function helper0_2_15(input0_2_15) {
  state1_15 ??= {};
  state1_15[input0_2_15.id] = true;
}
function helper2_1_15(input2_1_15) {
  state1_15 ??= {};
  Object.assign(state1_15, input2_1_15.overrides);
}
export async function handler15(event, context) {
  helper0_1_15(event);
  state1_15 ??= {};
  Object.assign(state1_15, event.overrides);
  helper2_1_15(event);
  return { statusCode: 200 };
}
let state0_16 = 0;
let state1_16 = [];
let state2_16 = 0;
export async function handler16(event, context) {
  state1_16.unshift(event.id);
  [1].forEach((item1_1_16) => {
    Promise.resolve(2).then(function (item1_2_16) {
      state1_16.push(event.id);
    });
  });
  console.log(typeof state0_16);
  return { statusCode: 200 };
}
let state0_17 = '';
let state1_17 = [];
function helper2_1_17(input2_1_17) {
  const alias2_17 = state1_17;
  alias2_17.unshift(input2_1_17.id);
}
export async function handler17(event, context) {
  [1].forEach((item0_1_17) => {
    Promise.resolve(2).then(function (item0_2_17) {
      [3].forEach((item0_3_17) => {
        state1_17.unshift(event.id);
      });
    });
  });
  state0_17 += event.line;
  helper2_1_17(event);
  return { statusCode: 200 };
}
let state0_18;
let state1_18 = 0;
let state2_18 = new Set();
export async function handler18(event, context) {
  if (!state0_18) state0_18 = {};
  state0_18[event.id] = true;
  return { statusCode: 200 };
}
let state0_19 = [];
let state1_19 = [];
let state2_19;
export async function handler19(event, context) {
  state1_19 = [...state1_19, event.id];
  state1_19.unshift(event.id);
  const alias2_19 = state1_19;
  alias2_19.push(event.id);
  state1_19.unshift(event.id);
  return { statusCode: 200 };
}
let state0_20;
let state1_20 = 0;
let state2_20;
function helper0_1_20(input0_1_20) {
  state2_20 ||= [];
  state2_20 = [...state2_20, input0_1_20.id];
}
function helper1_1_20(input1_1_20) {
  if (!state0_20) state0_20 = [];
  state0_20.unshift(input1_1_20.id);
}
function helper2_1_20(input2_1_20) {
  helper2_2_20(input2_1_20);
}
function helper2_2_20(input2_2_20) {
  helper2_3_20(input2_2_20);
}
function helper2_3_20(input2_3_20) {
  if (!state0_20) state0_20 = [];
  state0_20.push(input2_3_20.id);
}
export async function handler20(event, context) {
  helper0_1_20(event);
  helper1_1_20(event);
  helper2_1_20(event);
  return { statusCode: 200 };
}
let state0_21 = 0;
function helper0_1_21(input0_1_21) {
  helper0_2_21(input0_1_21);
}
function helper0_2_21(input0_2_21) {
  state0_21 += 1;
}
export async function handler21(event, context) {
  helper0_1_21(event);
  return { statusCode: 200 };
}
function unrelated0_21(value) {
  return value + 1;
}
const unrelated1_21 = new Map();
unrelated1_21.set('key', 1);
let state0_22 = [];
let state1_22 = 0;
export async function handler22(event, context) {
  [1].forEach((item0_1_22) => {
    Promise.resolve(2).then(function (item0_2_22) {
      [3].forEach((item0_3_22) => {
        state1_22++;
      });
    });
  });
  [1].forEach((item1_1_22) => {
    Promise.resolve(2).then(function (item1_2_22) {
      state0_22.unshift(event.id);
    });
  });
  console.log(typeof state0_22);
  return { statusCode: 200 };
}
let state0_23 = '';
let state1_23;
let state2_23;
export async function handler23(event, context) {
  state1_23 ??= [];
  state1_23.unshift(event.id);
  [1].forEach((item1_1_23) => {
    Promise.resolve(2).then(function (item1_2_23) {
      if (!state2_23) state2_23 = {};
      const alias1_23 = state2_23;
      Object.assign(alias1_23, event.overrides);
    });
  });
  return { statusCode: 200 };
}
