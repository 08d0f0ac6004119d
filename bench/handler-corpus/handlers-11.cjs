let state0_0;
let state1_0 = {};
let state2_0 = '';
function helper3_1_0(input3_1_0) {
  helper3_2_0(input3_1_0);
}
function helper3_2_0(input3_2_0) {
  state2_0 += input3_2_0.line;
}
module.exports.handler0 = async function (event, context) {
  [1].forEach((item0_1_0) => {
    state0_0 ??= {};
    delete state0_0[event.id];
  });
  [1].forEach((item1_1_0) => {
    state2_0 += event.line;
  });
  state0_0 ??= {};
  delete state0_0[event.id];
  helper3_1_0(event);
  return { statusCode: 200 };
};
let state0_1 = new Set();
function helper0_1_1(input0_1_1) {
  helper0_2_1(input0_1_1);
}
function helper0_2_1(input0_2_1) {
  state0_1.add(input0_2_1.id);
}
module.exports.handler1 = async function (event, context) {
  helper0_1_1(event);
  state0_1.add(event.id);
  return { statusCode: 200 };
};
const unrelated0_1 = [1, 2, 3].map((n) => n * 2);
let state0_2 = 0;
let state1_2 = {};
function helper1_1_2(input1_1_2) {
  helper1_2_2(input1_1_2);
}
function helper1_2_2(input1_2_2) {
  helper1_3_2(input1_2_2);
}
function helper1_3_2(input1_3_2) {
  const alias1_2 = state1_2;
  delete alias1_2[input1_3_2.id];
}
function helper3_1_2(input3_1_2) {
  helper3_2_2(input3_1_2);
}
function helper3_2_2(input3_2_2) {
  helper3_3_2(input3_2_2);
}
function helper3_3_2(input3_3_2) {
  state0_2++;
}
module.exports.handler2 = async function (event, context) {
  [1].forEach((item0_1_2) => {
    Promise.resolve(2).then(function (item0_2_2) {
      [3].forEach((item0_3_2) => {
        delete state1_2[event.id];
      });
    });
  });
  helper1_1_2(event);
  const alias2_2 = state1_2;
  delete alias2_2[event.id];
  helper3_1_2(event);
  return { statusCode: 200 };
};
let state0_3 = {};
let state1_3;
function helper0_1_3(input0_1_3) {
  helper0_2_3(input0_1_3);
}
function helper0_2_3(input0_2_3) {
  const alias0_3 = state0_3;
  Object.assign(alias0_3, input0_2_3.overrides);
}
function helper1_1_3(input1_1_3) {
  helper1_2_3(input1_1_3);
}
function helper1_2_3(input1_2_3) {
  helper1_3_3(input1_2_3);
}
function helper1_3_3(input1_3_3) {
  state1_3 ||= new Set();
  state1_3.add(input1_3_3.id);
}
module.exports.handler3 = async function (event, context) {
  helper0_1_3(event);
  helper1_1_3(event);
  delete state0_3[event.id];
  return { statusCode: 200 };
};
let state0_4;
let state1_4 = new Set();
let state2_4 = '';
function helper0_1_4(input0_1_4) {
  helper0_2_4(input0_1_4);
}
function helper0_2_4(input0_2_4) {
  state2_4 += input0_2_4.line;
}
function helper1_1_4(input1_1_4) {
  helper1_2_4(input1_1_4);
}
function helper1_2_4(input1_2_4) {
  helper1_3_4(input1_2_4);
}
function helper1_3_4(input1_3_4) {
  state1_4.add(input1_3_4.id);
}
module.exports.handler4 = async function (event, context) {
  helper0_1_4(event);
  helper1_1_4(event);
  return { statusCode: 200 };
};
console.log('unrelated0_4', 0);
let state0_5 = 0;
function helper0_1_5(input0_1_5) {
  helper0_2_5(input0_1_5);
}
function helper0_2_5(input0_2_5) {
  helper0_3_5(input0_2_5);
}
function helper0_3_5(input0_3_5) {
  state0_5++;
}
function helper2_1_5(input2_1_5) {
  state0_5 += 1;
}
function helper3_1_5(input3_1_5) {
  helper3_2_5(input3_1_5);
}
function helper3_2_5(input3_2_5) {
  helper3_3_5(input3_2_5);
}
function helper3_3_5(input3_3_5) {
  state0_5++;
}
module.exports.handler5 = async function (event, context) {
  helper0_1_5(event);
  [1].forEach((item1_1_5) => {
    state0_5++;
  });
  helper2_1_5(event);
  helper3_1_5(event);
  return { statusCode: 200 };
};
let state0_6 = '';
let state1_6;
let state2_6;
module.exports.handler6 = async function (event, context) {
  state0_6 += event.line;
  [1].forEach((item1_1_6) => {
    state2_6 ||= new Map();
    state2_6.set(event.id, Date.now());
  });
  [1].forEach((item2_1_6) => {
    state2_6 ||= new Map();
    state2_6.set(event.id, Date.now());
  });
  console.log(typeof state0_6);
  return { statusCode: 200 };
};
const unrelated1_6 = [1, 2, 3].map((n) => n * 2);
let state0_7 = new Set();
let state1_7 = 0;
module.exports.handler7 = async function (event, context) {
  state0_7.add(event.id);
  return { statusCode: 200 };
};
let state0_8;
let state1_8;
let state2_8 = [];
function helper3_1_8(input3_1_8) {
  helper3_2_8(input3_1_8);
}
function helper3_2_8(input3_2_8) {
  if (!state1_8) state1_8 = {};
  state1_8[input3_2_8.id] = true;
}
module.exports.handler8 = async function (event, context) {
  [1].forEach((item0_1_8) => {
    state0_8 ||= {};
    const alias0_8 = state0_8;
    alias0_8[event.id] = true;
  });
  [1].forEach((item1_1_8) => {
    state2_8.push(event.id);
  });
  if (!state1_8) state1_8 = {};
  const alias2_8 = state1_8;
  alias2_8[event.id] = true;
  helper3_1_8(event);
  console.log(typeof state1_8);
  return { statusCode: 200 };
};
function unrelated0_8(value) {
  return value + 1;
}
let state0_9;
let state1_9 = '';
function helper3_1_9(input3_1_9) {
  helper3_2_9(input3_1_9);
}
function helper3_2_9(input3_2_9) {
  state0_9 ??= new Map();
  state0_9.set(input3_2_9.id, Date.now());
}
module.exports.handler9 = async function (event, context) {
  [1].forEach((item0_1_9) => {
    state1_9 += event.line;
  });
  state1_9 += event.line;
  [1].forEach((item2_1_9) => {
    state1_9 += event.line;
  });
  helper3_1_9(event);
  return { statusCode: 200 };
};
function unrelated0_9(value) {
  return value + 1;
}
const unrelated1_9 = [1, 2, 3].map((n) => n * 2);
let state0_10 = new Set();
module.exports.handler10 = async function (event, context) {
  state0_10.add(event.id);
  return { statusCode: 200 };
};
let state0_11 = new Set();
function helper1_1_11(input1_1_11) {
  helper1_2_11(input1_1_11);
}
function helper1_2_11(input1_2_11) {
  const alias1_11 = state0_11;
  alias1_11.add(input1_2_11.id);
}
function helper3_1_11(input3_1_11) {
  helper3_2_11(input3_1_11);
}
function helper3_2_11(input3_2_11) {
  state0_11.add(input3_2_11.id);
}
module.exports.handler11 = async function (event, context) {
  [1].forEach((item0_1_11) => {
    Promise.resolve(2).then(function (item0_2_11) {
      [3].forEach((item0_3_11) => {
        state0_11.add(event.id);
      });
    });
  });
  helper1_1_11(event);
  const alias2_11 = state0_11;
  alias2_11.add(event.id);
  helper3_1_11(event);
  return { statusCode: 200 };
};
const unrelated0_11 = new Map();
unrelated0_11.set('key', 0);
const unrelated1_11 = [1, 2, 3].map((n) => n * 2);
let state0_12;
let state1_12;
let state2_12;
function helper0_1_12(input0_1_12) {
  helper0_2_12(input0_1_12);
}
function helper0_2_12(input0_2_12) {
  helper0_3_12(input0_2_12);
}
function helper0_3_12(input0_3_12) {
  state2_12 ||= [];
  state2_12 = [...state2_12, input0_3_12.id];
}
function helper2_1_12(input2_1_12) {
  helper2_2_12(input2_1_12);
}
function helper2_2_12(input2_2_12) {
  helper2_3_12(input2_2_12);
}
function helper2_3_12(input2_3_12) {
  state1_12 ??= [];
  state1_12.push(input2_3_12.id);
}
function helper3_1_12(input3_1_12) {
  helper3_2_12(input3_1_12);
}
function helper3_2_12(input3_2_12) {
  state2_12 ||= [];
  state2_12.unshift(input3_2_12.id);
}
module.exports.handler12 = async function (event, context) {
  helper0_1_12(event);
  state2_12 ||= [];
  state2_12 = [...state2_12, event.id];
  helper2_1_12(event);
  helper3_1_12(event);
  return { statusCode: 200 };
};
console.log('unrelated0_12', 0);
let state0_13 = new Set();
let state1_13 = '';
let state2_13 = new Set();
function helper2_1_13(input2_1_13) {
  helper2_2_13(input2_1_13);
}
function helper2_2_13(input2_2_13) {
  state0_13.add(input2_2_13.id);
}
function helper3_1_13(input3_1_13) {
  helper3_2_13(input3_1_13);
}
function helper3_2_13(input3_2_13) {
  helper3_3_13(input3_2_13);
}
function helper3_3_13(input3_3_13) {
  const alias3_13 = state0_13;
  alias3_13.add(input3_3_13.id);
}
module.exports.handler13 = async function (event, context) {
  state0_13.add(event.id);
  state1_13 += event.line;
  helper2_1_13(event);
  helper3_1_13(event);
  return { statusCode: 200 };
};
function unrelated0_13(value) {
  return value + 1;
}
let state0_14 = '';
let state1_14;
function helper0_1_14(input0_1_14) {
  helper0_2_14(input0_1_14);
}
function helper0_2_14(input0_2_14) {
  state0_14 += input0_2_14.line;
}
module.exports.handler14 = async function (event, context) {
  helper0_1_14(event);
  state0_14 += event.line;
  return { statusCode: 200 };
};
console.log('unrelated0_14', 0);
let state0_15 = {};
function helper0_1_15(input0_1_15) {
  helper0_2_15(input0_1_15);
}
function helper0_2_15(input0_2_15) {
  const alias0_15 = state0_15;
  delete alias0_15[input0_2_15.id];
}
function helper1_1_15(input1_1_15) {
  helper1_2_15(input1_1_15);
}
function helper1_2_15(input1_2_15) {
  helper1_3_15(input1_2_15);
}
function helper1_3_15(input1_3_15) {
  const alias1_15 = state0_15;
  Object.assign(alias1_15, input1_3_15.overrides);
}
module.exports.handler15 = async function (event, context) {
  helper0_1_15(event);
  helper1_1_15(event);
  delete state0_15[event.id];
  return { statusCode: 200 };
};
console.log('unrelated0_15', 0);
let state0_16;
let state1_16 = [];
let state2_16 = '';
function helper0_1_16(input0_1_16) {
  state0_16 ||= new Map();
  const alias0_16 = state0_16;
  alias0_16.set(input0_1_16.id, Date.now());
}
module.exports.handler16 = async function (event, context) {
  helper0_1_16(event);
  console.log(typeof state1_16);
  return { statusCode: 200 };
};
function unrelated0_16(value) {
  return value + 1;
}
let state0_17 = 0;
let state1_17 = new Map();
function helper1_1_17(input1_1_17) {
  state1_17.set(input1_1_17.id, Date.now());
}
function helper3_1_17(input3_1_17) {
  helper3_2_17(input3_1_17);
}
function helper3_2_17(input3_2_17) {
  helper3_3_17(input3_2_17);
}
function helper3_3_17(input3_3_17) {
  state1_17.set(input3_3_17.id, Date.now());
}
module.exports.handler17 = async function (event, context) {
  const alias0_17 = state1_17;
  alias0_17.set(event.id, Date.now());
  helper1_1_17(event);
  [1].forEach((item2_1_17) => {
    Promise.resolve(2).then(function (item2_2_17) {
      [3].forEach((item2_3_17) => {
        state0_17 += 1;
      });
    });
  });
  helper3_1_17(event);
  return { statusCode: 200 };
};
